package dev.burnrate.portal.finance;

import java.util.List;
import java.util.stream.Collectors;

/** The dataset versions a finance figure was computed from (a signed review records them). */
public record DataVersions(List<PinnedVersion> versions) {

    public DataVersions {
        versions = List.copyOf(versions);
    }

    /** e.g. {@code aws-cur@3f2a9c1e, metered-usage@77b0c2d4}, for exports and the review header. */
    public String describe() {
        return versions.stream().map(v -> v.dataset() + "@" + shortKey(v.versionKey()))
                .collect(Collectors.joining(", "));
    }

    private static String shortKey(String key) {
        return key.length() > 12 ? key.substring(0, 12) : key;
    }
}
