package dev.burnrate.portal.usage.api;

import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.usage.VersionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Usage datasets: list them, upload a FOCUS file as a new version (streamed to a temporary file, answered with the
 * import's validation report), list a dataset's versions and its lineage. Through the same services as the Usage
 * page: anyone may list (team-scoped totals), ADMIN and FINANCE import.
 */
@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "Usage datasets, FOCUS uploads, versions and lineage")
public class DatasetsController {

    private static final List<MediaType> UPLOAD_TYPES = List.of(MediaType.parseMediaType("text/csv"),
            MediaType.APPLICATION_OCTET_STREAM);

    private final UsageDatasetService datasets;
    private final UsageImportService imports;
    private final UploadProperties limits;

    public DatasetsController(UsageDatasetService datasets, UsageImportService imports, UploadProperties limits) {
        this.datasets = datasets;
        this.imports = imports;
        this.limits = limits;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "List the usage datasets")
    public ApiPage<DatasetJson> list(@RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        return request.slice(datasets.datasets().stream().map(DatasetJson::of).toList());
    }

    @PostMapping("/{name}/versions")
    @PreAuthorize("hasAuthority('SCOPE_import')")
    @Operation(summary = "Upload a FOCUS file (CSV, Arrow IPC or Parquet) as a new version of a dataset",
            description = "The body is the file itself, streamed (no multipart). The dataset is created on first use."
                    + " Strict mode (the default) rejects the file on any conformance error and stores nothing"
                    + " (422 with the report); lenient mode quarantines bad rows. 201: a new version; 200: the same"
                    + " content is stored already (status DUPLICATE); 413: over burnrate.api.upload.max-size.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the file itself", content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary"))}))
    public ResponseEntity<ImportReportJson> upload(
            @PathVariable String name,
            @Parameter(description = "strict (default) or lenient") @RequestParam(defaultValue = "strict") String mode,
            @Parameter(description = "the file's name, kept in the version's lineage")
            @RequestParam(defaultValue = "api-upload.csv") String fileName,
            @Parameter(description = "the tag naming a row's team, used when the dataset is created")
            @RequestParam(defaultValue = "team") String teamTagKey,
            HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        checkContentType(request.getContentType());
        ValidationMode validation = mode(mode);
        imports.checkMayImport(); // before a byte is read: no file of a user without the right reaches the disk
        try (StreamedUpload upload = StreamedUpload.receive(request.getInputStream(), request.getContentLengthLong(),
                limits.maxSize().toBytes())) {
            ImportResult result = imports.importFile(name, upload.file(), fileName, validation, teamTagKey);
            ImportReportJson report = ImportReportJson.of(name, result);
            return switch (result.status()) {
                case CREATED -> ResponseEntity.status(HttpStatus.CREATED).body(report);
                case DUPLICATE -> ResponseEntity.ok(report);
                case REJECTED -> throw new ImportRejected(report);
            };
        }
    }

    @GetMapping("/{name}/versions")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "A dataset's versions, oldest first, with totals per billing currency")
    public List<VersionJson> versions(@PathVariable String name) {
        dataset(name);
        return datasets.versions(name).stream()
                .map(v -> VersionJson.of(v, datasets.totalsByCurrency(v.key()))).toList();
    }

    @GetMapping("/{name}/lineage")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "How a dataset's versions were made: each version with the versions it came from")
    public LineageJson lineage(@PathVariable String name) {
        dataset(name);
        List<VersionSummary> versions = datasets.versions(name);
        return LineageJson.of(name, versions);
    }

    private DatasetSummary dataset(String name) {
        return datasets.datasets().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No dataset " + name));
    }

    /**
     * The body is read as a stream, so Spring does not check its type: this does, inside the handler, so the answer is
     * the API's 415 problem (a {@code consumes} mismatch would fail before any handler, outside the API's advice).
     */
    private static void checkContentType(String header) throws HttpMediaTypeNotSupportedException {
        MediaType type = parsed(header);
        if (type == null || UPLOAD_TYPES.stream().noneMatch(t -> t.equalsTypeAndSubtype(type))) {
            throw new HttpMediaTypeNotSupportedException(type, UPLOAD_TYPES, HttpMethod.POST);
        }
    }

    private static MediaType parsed(String header) {
        try {
            return header == null ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static ValidationMode mode(String text) {
        try {
            return ValidationMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String message = "mode is strict or lenient, not '" + text + "'";
            throw ApiProblem.badRequest(message, List.of(new ApiProblem.FieldError("mode", message)));
        }
    }
}
