package dev.burnrate.portal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts provisioning requests by decision ({@code burnrate_provisioning_requests_decided_total}): at submission the
 * policy's outcome (approved, pending_approval or denied), later each approver's verdict (approved or rejected).
 * Counted when the deciding transaction commits, so a decision rolled back is never counted.
 */
@Component
public class RequestOutcomeMetrics {

    /** Who decided: the policies at submission, or an approver. */
    public enum Stage {
        POLICY,
        APPROVAL
    }

    private final MeterRegistry registry;

    RequestOutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every outcome exists from the start at 0, so increase() and dashboards see the first decision too.
        for (String outcome : new String[] {"approved", "pending_approval", "denied"}) {
            counter(Stage.POLICY, outcome);
        }
        counter(Stage.APPROVAL, "approved");
        counter(Stage.APPROVAL, "rejected");
    }

    private Counter counter(Stage stage, String outcome) {
        return Counter.builder("burnrate.provisioning.requests.decided")
                .description("Provisioning requests decided, by who decided and the outcome")
                .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(registry);
    }

    /** @param outcome the request's state after the decision, e.g. {@code APPROVED} */
    public void decided(Stage stage, String outcome) {
        Counter counter = counter(stage, outcome);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
