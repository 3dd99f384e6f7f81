package dev.burnrate.portal.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.simulation.SimulationProgress;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageImportService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Inference load curves from a usage dataset on the running demo portal: requests per unit and shape-only scaling,
 * filters, days without rows, team scoping, errors that say what is wrong, and a simulation run on such a curve.
 */
class UsageLoadCurvesIT extends BrowserTestBase {

    private static final String DATASET = "it-inference-gateway";
    private static final Instant DAY_1 = Instant.parse("2026-03-02T00:00:00Z");
    private static final String GATEWAY = "Elastic Load Balancing";

    @Autowired
    UsageImportService imports;

    @Autowired
    UsageLoadCurves curves;

    @Autowired
    SimulationService simulations;

    @Autowired
    ApplicationContext app;

    private static boolean imported;

    /**
     * Two days of gateway requests: team ml-research sends 10 + (hour of day) requests/s, team vision 100 requests/s
     * in the first hour of each day; a third service and an hourly instance row must not count. Imported before the
     * first test, after the base class has put this portal's security context strategy in place (a @BeforeAll
     * would run before it).
     */
    @BeforeEach
    void importGatewayRequestsOnce() {
        if (imported) {
            return;
        }
        imported = true;
        List<UsageRecord> rows = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            Instant hour = DAY_1.plus(h, ChronoUnit.HOURS);
            rows.add(row(hour, "ml-research", GATEWAY, (10 + h % 24) * 3600.0, "Requests"));
            rows.add(row(hour, "ml-research", "Amazon API Gateway", 7 * 3600.0, "Requests"));
            rows.add(row(hour, "ml-research", GATEWAY, 2, "Hours"));
            if (h % 24 == 0) {
                rows.add(row(hour, "vision", GATEWAY, 100 * 3600.0, "Requests"));
            }
        }
        SystemRunner.runAsSystem(() -> {
            ImportResult result = imports.appendOrCreate(DATASET, "inference gateway requests", rows, "test", "team",
                    false);
            assertThat(result.status()).as("%s", result).isEqualTo(ImportResult.Status.CREATED);
        });
    }

    private static UsageRecord row(Instant hour, String team, String service, double quantity, String unit) {
        return new UsageRecord("acct-1", team, hour, hour.plusSeconds(3600), "Usage", "gateway", "Standard", 1, 1, 1,
                1, "USD", quantity, unit, quantity, unit, "AWS", service, "Networking", "eu-north-1", "lb-" + team,
                "gateway", "Load Balancer", "LCU", Map.of("team", team));
    }

    private static UsageLoad gateway(String from, String to, Double requestsPerUnit) {
        return new UsageLoad(DATASET, "Requests", "ServiceName", GATEWAY, from, to, requestsPerUnit);
    }

    private <T> T as(String user, Role role, Supplier<T> work) {
        return RunAs.user(app, user, work, role);
    }

    @Test
    void requestsPerUnitTurnHourlyRequestsIntoRequestsPerSecond() {
        double[] rps = as("finance", Role.FINANCE,
                () -> curves.requestsPerSecond(gateway("2026-03-02", "2026-03-03", 1.0), 0));
        assertThat(rps).hasSize(48);
        assertThat(rps[0]).isCloseTo(10 + 100, within(1e-9));
        assertThat(rps[5]).isCloseTo(15, within(1e-9));
        assertThat(rps[47]).isCloseTo(33, within(1e-9));
        assertThat(as("finance", Role.FINANCE, () -> curves.consumedUnits(DATASET))).contains("Requests", "Hours");
    }

    @Test
    void anEngineerReadsOnlyTheirTeamsRows() {
        double[] rps = as("engineer", Role.ENGINEER,
                () -> curves.requestsPerSecond(gateway("2026-03-02", "2026-03-03", 1.0), 0));
        assertThat(rps[0]).as("vision's requests are not the engineer's").isCloseTo(10, within(1e-9));
        assertThat(rps[24]).isCloseTo(10, within(1e-9));
    }

    @Test
    void withoutRequestsPerUnitTheShapeIsScaledToThePeakAndDaysWithoutRowsAreIdle() {
        double[] rps = as("engineer", Role.ENGINEER,
                () -> curves.requestsPerSecond(gateway("2026-03-02", "2026-03-04", null), 66));
        assertThat(rps).hasSize(72);
        assertThat(rps[23]).as("the busiest hour, 33 requests/s, becomes the peak").isCloseTo(66, within(1e-9));
        assertThat(rps[0]).isCloseTo(20, within(1e-9));
        assertThat(rps[48]).as("no rows on the third day").isZero();
        // Without the filter the other service's 7 requests/s count too.
        double[] all = as("engineer", Role.ENGINEER, () -> curves.requestsPerSecond(
                new UsageLoad(DATASET, "Requests", null, null, "2026-03-02", "2026-03-02", 1.0), 0));
        assertThat(all[0]).isCloseTo(17, within(1e-9));
    }

    @Test
    void mistakesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> as("engineer", Role.ENGINEER,
                () -> curves.requestsPerSecond(gateway("2026-03-05", "2026-03-06", 1.0), 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no Requests quantity where ServiceName is Elastic Load Balancing from"
                        + " 2026-03-05 to 2026-03-06");
        assertThatThrownBy(() -> as("engineer", Role.ENGINEER,
                () -> curves.requestsPerSecond(gateway("2026-03-02", "March 3", 1.0), 0)))
                .hasMessage("Usage load: the last day 'March 3' is not a date (yyyy-mm-dd).");
        assertThatThrownBy(() -> as("engineer", Role.ENGINEER,
                () -> curves.requestsPerSecond(gateway("2026-03-03", "2026-03-02", 1.0), 0)))
                .hasMessageContaining("is before the first day");
        assertThatThrownBy(() -> as("engineer", Role.ENGINEER, () -> curves.requestsPerSecond(
                new UsageLoad(DATASET, "Requests", "Tags", "x", "2026-03-02", "2026-03-02", 1.0), 0)))
                .hasMessageContaining("Tags is not one of");
        assertThatThrownBy(() -> as("engineer", Role.ENGINEER, () -> curves.requestsPerSecond(
                new UsageLoad("no-such-dataset", "Requests", null, null, "2026-03-02", "2026-03-02", 1.0), 0)))
                .hasMessageContaining("Dataset 'no-such-dataset' does not exist or has no version.");
    }

    @Test
    void anInferenceSimulationRunsOnTheCurveOverItsHours() throws Exception {
        SimulationInputs.Inference defaults = SimulationInputs.Inference.defaults();
        SimulationInputs.Inference fromUsage = new SimulationInputs.Inference(defaults.troughRps(),
                defaults.peakRps(), defaults.days(), defaults.tokensPerRequest(), defaults.parameters(),
                defaults.precision(), defaults.computeUtilisation(), defaults.batch(), defaults.utilisationTarget(),
                defaults.spotShare(), defaults.minInstances(), gateway("2026-03-02", "2026-03-03", 1.0));
        SimulationInputs inputs = new SimulationInputs(SimulationInputs.Kind.INFERENCE,
                SimulationInputs.Training.defaults(), fromUsage,
                new SimulationInputs.Candidates("aws", "us-east-1", null, null, true, List.of(),
                        SimulationInputs.Candidates.DEFAULT_MAX_SIMULATED));
        SimulationOutcome outcome = as("engineer", Role.ENGINEER, () -> {
            try {
                return simulations.run(inputs, SimulationProgress.NONE);
            } catch (dev.burnrate.api.KernelException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outcome.inference().workload().requestsPerSecond()).hasSize(48);
        assertThat(outcome.inference().workload().requestsPerSecond()[23]).isCloseTo(33, within(1e-9));
        assertThat(outcome.inference().rows()).isNotEmpty();
        // Saved inputs keep the usage load, so a re-run reads the dataset again.
        SimulationInputs stored = ScenarioJson.read(ScenarioJson.write(inputs), SimulationInputs.class);
        assertThat(stored.inference().usageLoad()).isEqualTo(fromUsage.usageLoad());
    }
}
