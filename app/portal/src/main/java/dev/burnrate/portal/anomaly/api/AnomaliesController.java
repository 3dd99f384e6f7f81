package dev.burnrate.portal.anomaly.api;

import dev.burnrate.portal.anomaly.AnomalyService;
import dev.burnrate.portal.anomaly.AnomalyStatus;
import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.api.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spend anomalies of the caller's teams (ADMIN and FINANCE: every team), as on the Anomalies page, and their status.
 * Another team's anomaly is answered as not found, so ids cannot be probed.
 */
@RestController
@RequestMapping("/api/v1/anomalies")
@Tag(name = "Anomalies", description = "Spend anomalies and their status")
public class AnomaliesController {

    private final AnomalyService anomalies;

    public AnomaliesController(AnomalyService anomalies) {
        this.anomalies = anomalies;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "List anomalies, newest first, optionally only those of some statuses")
    public ApiPage<AnomalyJson> list(
            @Parameter(description = "NEW, ACKNOWLEDGED, EXPECTED, FALSE_ALARM (repeat for several)")
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        Set<AnomalyStatus> statuses = statuses(status);
        return request.page(anomalies.page(statuses, request.offset(), request.size()).stream()
                .map(AnomalyJson::of).toList(), anomalies.count(statuses));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "One anomaly")
    public AnomalyJson one(@PathVariable long id) {
        return AnomalyJson.of(anomalies.find(id).orElseThrow(() -> notFound(id)));
    }

    @PutMapping("/{id}/status")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Set an anomaly's status (audited); a verdict keeps the same cause from alerting again")
    public AnomalyJson setStatus(@PathVariable long id, @RequestBody StatusChange change) {
        AnomalyStatus status = status(change.status(), "status");
        anomalies.find(id).orElseThrow(() -> notFound(id));
        return AnomalyJson.of(anomalies.setStatus(id, status, change.note()));
    }

    private static NoSuchElementException notFound(long id) {
        return new NoSuchElementException("No anomaly " + id + " among those of your teams");
    }

    private static Set<AnomalyStatus> statuses(List<String> texts) {
        Set<AnomalyStatus> out = EnumSet.noneOf(AnomalyStatus.class);
        if (texts != null) {
            for (String t : texts) {
                out.add(status(t, "status"));
            }
        }
        return out;
    }

    private static AnomalyStatus status(String text, String field) {
        try {
            return AnomalyStatus.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String message = "'" + text + "' is not a status; use one of " + Arrays.toString(AnomalyStatus.values());
            throw ApiProblem.badRequest(message, List.of(new ApiProblem.FieldError(field, message)));
        }
    }
}
