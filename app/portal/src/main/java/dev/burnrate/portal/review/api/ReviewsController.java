package dev.burnrate.portal.review.api;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.report.ReportDocument;
import dev.burnrate.portal.report.ReportFormat;
import dev.burnrate.portal.review.Review;
import dev.burnrate.portal.review.ReviewReport;
import dev.burnrate.portal.review.ReviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Month-end budget reviews, read-only: the list, one review with the lines the caller may see, and its export as
 * CSV, XLSX or PDF built from the same report document as the Reviews page's downloads.
 */
@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Reviews", description = "Month-end budget reviews and their exports")
public class ReviewsController {

    private final ReviewService reviews;
    private final ReviewReport reports;

    public ReviewsController(ReviewService reviews, ReviewReport reports) {
        this.reviews = reviews;
        this.reports = reports;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "List the reviews")
    public ApiPage<ReviewJson> list(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        return request.slice(reviews.reviews().stream().map(ReviewJson::of).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "One review with its lines (live while open, the signed snapshot once signed)")
    public ReviewSheetJson one(@PathVariable long id) {
        review(id);
        return ReviewSheetJson.of(reviews.sheet(id));
    }

    @GetMapping("/{id}/export")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Export a review as CSV, XLSX or PDF, as the Reviews page downloads it")
    public ResponseEntity<byte[]> export(@PathVariable long id,
                                         @Parameter(description = "csv, xlsx or pdf")
                                         @RequestParam(defaultValue = "csv") String format) {
        ReportFormat f = format(format);
        Review review = review(id);
        ReportDocument document = reports.report(id);
        byte[] bytes = f.toBytes(document); // whole before sending: a failure never arrives as a truncated file
        String name = "review-" + review.period().label() + (review.signed() ? "-signed" : "-open");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.fileName(name)).build().toString())
                .body(bytes);
    }

    private Review review(long id) {
        return reviews.reviews().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No review " + id));
    }

    private static ReportFormat format(String text) {
        return Arrays.stream(ReportFormat.values()).filter(f -> f.extension().equals(text.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> {
                    String message = "format is csv, xlsx or pdf, not '" + text + "'";
                    return ApiProblem.badRequest(message, List.of(new ApiProblem.FieldError("format", message)));
                });
    }
}
