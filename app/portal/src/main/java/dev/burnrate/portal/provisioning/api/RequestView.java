package dev.burnrate.portal.provisioning.api;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.provisioning.MyRequest;
import dev.burnrate.portal.provisioning.StoredRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A provisioning request as the API shows it.
 *
 * @param state        where it is: the request's state, or its resource's once provisioned (RUNNING, STOPPED, ...)
 * @param requestState the request's own state (PENDING_APPROVAL, APPROVED, PROVISIONED, CANCELLED, ...)
 * @param outcome      the policy decision at submit (ALLOW, WARN, REQUIRE_APPROVAL, DENY)
 * @param estimate     the estimate stored with the request
 * @param reasons      why it was decided so (the deciding rules' messages); in answers about one request only
 */
@Schema(description = "A provisioning request", requiredProperties = {"id", "team", "name", "requestedBy", "kind",
        "provider", "region", "instanceType", "instances", "purchaseOption", "state", "requestState", "outcome",
        "estimate", "tags", "createdAt", "updatedAt"})
public record RequestView(String id, String team, String project, String name, String requestedBy, String kind,
                          String provider, String region, String instanceType, int instances,
                          PurchaseOption purchaseOption, Double hours, String state, String requestState,
                          String outcome, String reasons, StoredEstimate estimate, String resourceId,
                          String failure,
                          Map<String, String> tags, Instant createdAt, Instant updatedAt) {

    @Schema(requiredProperties = {"currency", "hourly", "expected", "p90", "source"})
    public record StoredEstimate(String currency, BigDecimal hourly, BigDecimal expected, BigDecimal p90,
                                 String source) {
    }

    /** A request in a list: without its reasons. */
    static RequestView of(MyRequest mine) {
        return of(mine, null);
    }

    static RequestView of(MyRequest mine, String reasons) {
        StoredRequest r = mine.request();
        return new RequestView(r.id(), r.team(), r.project(), r.name(), r.requestedBy(), kind(r), r.providerId(),
                r.regionId(), r.instanceType(), r.count(), r.purchaseOption(), r.durationHours(),
                mine.displayedState(), r.state().name(), r.outcome(), reasons,
                new StoredEstimate(r.estimateCurrency(), Amounts.hourly(r.hourlyCost()),
                        Amounts.total(r.expectedTotal()), Amounts.total(r.p90Total()), r.estimateSource()),
                r.resourceId(), r.failure(), new TreeMap<>(r.tags()), r.createdAt(), r.updatedAt());
    }

    /** The spec's kind for the form's templates; requests made in the portal may be notebooks or buckets too. */
    private static String kind(StoredRequest r) {
        return switch (r.template()) {
            case GPU_TRAINING -> "training";
            case INFERENCE_ENDPOINT -> "inference";
            case NOTEBOOK -> "notebook";
            case STORAGE_BUCKET -> "storage";
        };
    }
}
