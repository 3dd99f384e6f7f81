package dev.burnrate.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RequestOutcomeMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestOutcomeMetrics metrics = new RequestOutcomeMetrics(registry);

    private double count(String stage, String outcome) {
        return registry.get("burnrate.provisioning.requests.decided").tag("stage", stage).tag("outcome", outcome)
                .counter().count();
    }

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void everyOutcomeStartsAtZero() {
        assertThat(count("policy", "denied")).isZero();
        assertThat(count("policy", "pending_approval")).isZero();
        assertThat(count("approval", "rejected")).isZero();
    }

    @Test
    void aDecisionCountsWhenItsTransactionCommitsAndNotWhenItRollsBack() {
        TransactionSynchronizationManager.initSynchronization();
        metrics.decided(RequestOutcomeMetrics.Stage.POLICY, "DENIED");
        assertThat(count("policy", "denied")).as("not before the commit").isZero();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(count("policy", "denied")).isEqualTo(1);

        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        metrics.decided(RequestOutcomeMetrics.Stage.APPROVAL, "rejected");
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(count("approval", "rejected")).as("a rolled-back verdict").isZero();
    }

    @Test
    void outsideATransactionItCountsAtOnce() {
        metrics.decided(RequestOutcomeMetrics.Stage.APPROVAL, "approved");
        assertThat(count("approval", "approved")).isEqualTo(1);
    }
}
