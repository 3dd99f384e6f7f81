package dev.burnrate.portal.usage.api;

import dev.burnrate.portal.usage.VersionSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * How a dataset's versions came about: one node per version (oldest first) with the versions it was made from, so
 * the edges are {@code parent -> node}.
 */
@Schema(name = "DatasetLineage")
public record LineageJson(String dataset, List<Node> versions) {

    /**
     * @param transform  IMPORT, APPEND, ... (how the version was made)
     * @param source     the imported file's name or the appended source, null for transforms
     */
    @Schema(name = "LineageNode")
    public record Node(String id, String transform, Instant createdAt, String createdBy, String source,
                       String sourceSha256, String detail, List<String> parents) {
    }

    static LineageJson of(String dataset, List<VersionSummary> versions) {
        return new LineageJson(dataset, versions.stream().map(v -> new Node(v.key(), v.transform().name(),
                v.createdAt(), v.createdBy(), v.sourceFileName(), v.sourceSha256(), v.detail(), v.parents()))
                .toList());
    }
}
