package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.api.UsageSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The usage source suite passes a correct source and fails broken ones, for the right reasons. */
class UsageSourceConformanceTestTest {

    /** Runs in this test through the launcher (not on its own: the class is excluded by its name). */
    static class GoodSource extends UsageSourceConformanceTest {
        @Override
        protected UsageSource createSource() {
            FakeUsageSource.EXPORT.clear();
            return new FakeUsageSource(false);
        }

        @Override
        protected void arrangeNewUsage(InMemoryPluginContext context) {
            FakeUsageSource.addRow();
        }
    }

    static class ForgetfulSource extends GoodSource {
        @Override
        protected UsageSource createSource() {
            FakeUsageSource.EXPORT.clear();
            return new FakeUsageSource(true);
        }
    }

    private static TestExecutionSummary run(Class<?> suite) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite))
                .build(), listener);
        return listener.getSummary();
    }

    @Test
    void aCorrectSourcePassesEveryCheck() {
        TestExecutionSummary summary = run(GoodSource.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(5);
        assertThat(summary.getFailures()).isEmpty();
    }

    @Test
    void aSourceThatForgetsWhatWasAcknowledgedFails() {
        TestExecutionSummary summary = run(ForgetfulSource.class);
        assertThat(summary.getFailures()).extracting(f -> f.getTestIdentifier().getDisplayName())
                .containsExactlyInAnyOrder("acknowledgedRowsAreNotDeliveredAgain()",
                        "usageArrivingLaterIsDeliveredOnce()");
    }

    @Test
    void malformedRowsAreReportedWithTheirRule() {
        UsageRecord bad = new UsageRecord("", "sub", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T01:00:00Z"), "Usage", "x", "Standard", -1, -1, Double.NaN, 0, "usd", 1,
                "Hours", 1, "Hours", "Fake", "Compute", "compute", "eu-1", "vm-1", "vm", "VM", "sku", Map.of());
        List<Violation> violations = UsageSourceConformance.check(new UsageBatch(List.of(bad), "", null));
        assertThat(violations).extracting(Violation::rule)
                .containsExactlyInAnyOrder("currency", "finite-numbers", "required-column", "allowed-values");
        assertThat(violations).extracting(Violation::message).contains("BillingAccountId must not be blank",
                "ServiceCategory must be one of " + UsageSourceConformance.SERVICE_CATEGORIES + ", was 'compute'");
        assertThat(violations).allMatch(v -> v.subject().equals("row 1"));
        assertThat(UsageSourceConformance.check(null)).extracting(Violation::rule).containsExactly("batch-present");
        assertThat(UsageSourceConformance.checkIdentity("Bad_ID!", " ")).extracting(Violation::rule)
                .containsExactly("id-format", "display-name");
    }
}
