package dev.burnrate.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.anomaly.AnomalyService;
import dev.burnrate.portal.anomaly.AnomalyStatus;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.budget.BudgetRow;
import dev.burnrate.portal.budget.BudgetService;
import dev.burnrate.portal.budget.plan.BudgetPlanService;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /actuator/prometheus} scraped as Prometheus would, with an API token: the platform's own metrics (HTTP, JVM,
 * connection pool) and Burnrate's cost metrics, which carry the figures the services report for the demo.
 */
class MetricsIT extends ApiTestBase {

    private static final String ML_BUDGET = "budget=\"ml-research-budget/monthly\",currency=\"USD\",period=\"month\","
            + "scope=\"team\",scope_value=\"ml-research\"";

    @Autowired
    CostMetrics costMetrics;

    @Autowired
    BudgetService budgets;

    @Autowired
    BudgetPlanService plans;

    @Autowired
    AnomalyService anomalies;

    @Autowired
    ProvisioningService provisioning;

    private String scrape() {
        ApiClient.Response response = api().get("/actuator/prometheus", api().tokenFor("admin", ApiScope.READ));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return response.body();
    }

    /** The value of one series, e.g. {@code name{a="b"}}; empty when the scrape does not have it. */
    private static OptionalDouble value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private BudgetRow mlResearchBudget() {
        return RunAs.user(applicationContext, "finance", budgets::status, Role.FINANCE).stream()
                .filter(r -> r.check().key().budgetId().equals("ml-research-budget/monthly")).findFirst().orElseThrow();
    }

    @Test
    void theScrapeHasThePlatformMetrics() {
        // An HTTP request is timed once it completes: make one before the scrape, which is itself still running.
        assertThat(api().get("/actuator/health", null).status()).isEqualTo(200);
        String scrape = scrape();
        assertThat(scrape).contains("http_server_requests_seconds_count{", "jvm_memory_used_bytes{",
                "hikaricp_connections_active{", "burnrate_cost_metrics_refreshed ");
        // The demo's import and its forecasts ran through the timed import and kernels.
        assertThat(scrape).containsPattern("burnrate_import_duration_seconds_count\\{outcome=\"\\w+\"} [1-9]");
        assertThat(scrape).containsPattern("burnrate_kernel_duration_seconds_count\\{backend=\"[^\"]+\",kernel=\"[^\"]+\","
                + "outcome=\"ok\"} [1-9]");
    }

    /** Every metric the Grafana dashboard charts is one the portal serves, so the board cannot drift from the code. */
    @Test
    void theGrafanaDashboardChartsOnlyMetricsTheScrapeHas() throws java.io.IOException {
        String dashboard = java.nio.file.Files.readString(
                java.nio.file.Paths.get("..", "..", "ops", "grafana", "burnrate-dashboard.json"));
        Matcher names = Pattern.compile("\\b((?:burnrate|http_server|jvm|hikaricp)_[a-z_]+)").matcher(dashboard);
        java.util.Set<String> charted = new java.util.TreeSet<>();
        while (names.find()) {
            charted.add(names.group(1));
        }
        assertThat(charted).contains("burnrate_team_spend_month_to_date", "burnrate_budget_utilisation_ratio",
                "burnrate_anomalies_open", "burnrate_provisioning_requests_decided_total",
                "http_server_requests_seconds_bucket", "jvm_memory_used_bytes");
        costMetrics.refresh();
        String scrape = scrape();
        for (String metric : charted) {
            assertThat(scrape).as("the scrape has " + metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    @Test
    void theCostMetricsCarryTheFiguresTheServicesReport() {
        // Metering adds spend while the portal runs: compare a refresh with the services read right after it,
        // retrying when a metering run fell in between.
        String scrape = null;
        BudgetRow budget = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            costMetrics.refresh();
            budget = mlResearchBudget();
            scrape = scrape();
            if (Math.abs(value(scrape, "burnrate_budget_spend{" + ML_BUDGET + "}").orElse(-1)
                    - budget.check().status().actual()) < 0.005) {
                break;
            }
        }
        double actual = budget.check().status().actual();
        assertThat(actual).as("the demo's ML research spend this month").isPositive();
        assertThat(value(scrape, "burnrate_budget_spend{" + ML_BUDGET + "}")).hasValueCloseTo(actual, within(0.005));
        assertThat(value(scrape, "burnrate_budget_limit{" + ML_BUDGET + "}"))
                .hasValueCloseTo(budget.check().amount(), within(0.005));
        assertThat(value(scrape, "burnrate_budget_forecast{" + ML_BUDGET + "}"))
                .hasValueCloseTo(budget.check().projected(), within(0.005));
        assertThat(value(scrape, "burnrate_budget_utilisation_ratio{" + ML_BUDGET + "}"))
                .hasValueCloseTo(actual / budget.check().amount(), within(1e-6));

        // The team's spend this month is the monthly team budget's actual (all of the demo's spend is in USD).
        assertThat(value(scrape, "burnrate_team_spend_month_to_date{currency=\"USD\",team=\"ml-research\"}"))
                .hasValueCloseTo(actual, within(0.005));
        assertThat(value(scrape, "burnrate_team_spend_forecast_month_end{currency=\"USD\",team=\"ml-research\"}")
                .orElseThrow()).isGreaterThanOrEqualTo(actual);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BigDecimal planned = RunAs.user(applicationContext, "finance", () -> plans.amountFor("ml-research", today),
                Role.FINANCE).orElseThrow();
        String plan = "{currency=\"USD\",plan=\"ml-research\",team=\"ml-research\"}";
        assertThat(value(scrape, "burnrate_budget_plan_amount" + plan)).hasValueCloseTo(planned.doubleValue(), within(0.005));
        assertThat(value(scrape, "burnrate_budget_plan_spend_month_to_date" + plan)).hasValueCloseTo(actual, within(0.005));

        Map<String, Long> open = RunAs.user(applicationContext, "finance", () -> anomalies.page(
                EnumSet.of(AnomalyStatus.NEW, AnomalyStatus.ACKNOWLEDGED), 0, 500), Role.FINANCE).stream()
                .collect(Collectors.groupingBy(a -> a.team() == null ? "(none)" : a.team(), Collectors.counting()));
        assertThat(open).as("the demo has open anomalies").isNotEmpty();
        String scraped = scrape;
        open.forEach((team, count) -> assertThat(value(scraped, "burnrate_anomalies_open{team=\"" + team + "\"}"))
                .hasValueCloseTo((double) count, within(0.0)));
        assertThat(value(scrape, "burnrate_anomalies_open{team=\"platform\"}")).hasValueCloseTo(
                (double) open.getOrDefault("platform", 0L), within(0.0));
    }

    @Test
    void decidingARequestCountsItsOutcome() {
        String denied = "burnrate_provisioning_requests_decided_total{outcome=\"denied\",stage=\"policy\"}";
        double before = value(scrape(), denied).orElse(0);

        // Personal EU data in us-east-1: the demo's GDPR policy denies it, so nothing is reserved or provisioned.
        RequestDraft draft = new RequestDraft(Template.NOTEBOOK, "ml-research", null, "metrics-denied", "aws",
                "us-east-1", "g5.12xlarge", 1, PurchaseOption.ON_DEMAND, 8.0, "personal-eu",
                Map.of("cost-center", "CC-1001", "owner", "engineer"), true, true, false, false);
        StoredRequest request = RunAs.user(applicationContext, "engineer",
                () -> provisioning.submit(UUID.randomUUID().toString(), draft), Role.ENGINEER);
        assertThat(request.state()).isEqualTo(RequestState.DENIED);

        assertThat(value(scrape(), denied)).hasValueCloseTo(before + 1, within(0.0));
    }
}
