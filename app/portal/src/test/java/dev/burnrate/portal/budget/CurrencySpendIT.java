package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.currency.ExchangeRateService;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.provisioning.Estimate;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestRepository;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.ResourceRepository;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageExportService;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.usage.UsageQueryService;
import dev.burnrate.portal.user.UserRepository;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing exports in EUR and JPY imported next to USD data, on a team of its own: a USD budget counts only USD
 * until a dated EUR→USD rate converts the EUR spend, says what it left out and at which rate it converted, and the
 * version scans behind the figures run once per version.
 */
class CurrencySpendIT extends ProvisioningTestBase {

    @Autowired BudgetFigures figures;
    @Autowired dev.burnrate.portal.support.SandboxTestProvider cloud;
    @Autowired BudgetService budgets;
    @Autowired ImportedSpendCache cache;
    @Autowired UsageImportService imports;
    @Autowired UsageExportService exports;
    @Autowired UsageQueryService queries;
    @Autowired ExchangeRateService rates;
    @Autowired PolicyService policies;
    @Autowired AuditService audit;
    @Autowired UserRepository users;
    @Autowired ApplicationContext app;
    @Autowired SpendSource spend;
    @Autowired RequestRepository requests;
    @Autowired ResourceRepository resources;
    @Autowired DecisionLog decisions;
    @Autowired TransactionTemplate tx;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String team = "it-cur-" + suffix;
    private final Instant monthStart = ZonedDateTime.now(ZoneOffset.UTC).withDayOfMonth(1)
            .truncatedTo(ChronoUnit.DAYS).toInstant();
    private final Instant nextMonth = monthStart.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    private final LocalDate firstDay = LocalDate.ofInstant(monthStart, ZoneOffset.UTC);

    @Test
    void foreignSpendIsLeftOutOfAUsdBudgetUntilADatedRateConvertsItAndScansRunOncePerVersion() throws Exception {
        users.insertTeam(team, "currency test");
        BudgetKey usd = new BudgetKey("it-cur", BudgetKey.Scope.TEAM, team, BudgetPeriod.MONTH, monthStart,
                nextMonth);
        BudgetKey eur = new BudgetKey("it-cur", BudgetKey.Scope.TEAM, team, BudgetPeriod.MONTH, monthStart,
                nextMonth, "EUR");
        importAsCsv("it-cur-usd-" + suffix, List.of(row(100, "USD", 0), row(200, "USD", 1)));
        importAsCsv("it-cur-eur-" + suffix, List.of(row(600, "EUR", 0), row(400, "EUR", 2)));
        importAsCsv("it-cur-jpy-" + suffix, List.of(row(1_234_567, "JPY", 0)));

        // Budgets unchanged by the foreign files, which are named as left out.
        SpendBreakdown inUsd = figures.spend(usd);
        assertThat(inUsd.counted()).isCloseTo(300, within(1e-9));
        assertThat(inUsd.notes()).containsExactly("€1,000.00 EUR not counted: no EUR→USD rate",
                "¥1,234,567 JPY not counted: no JPY→USD rate");
        assertThat(figures.status(usd).actual()).isCloseTo(300, within(1e-9));
        // A EUR budget of the same team counts the EUR spend, and leaves out the others.
        SpendBreakdown inEur = figures.spend(eur);
        assertThat(inEur.counted()).isCloseTo(1000, within(1e-9));
        assertThat(inEur.notes()).containsExactly("¥1,234,567 JPY not counted: no JPY→EUR rate",
                "$300.00 not counted: no USD→EUR rate");

        // Read again (as the preview, the grid and the approval card do): no version is scanned again.
        long scans = cache.scans();
        figures.spend(usd);
        figures.status(usd);
        figures.spend(eur);
        assertThat(cache.scans()).isEqualTo(scans);

        // A dated EUR→USD rate from the day before converts the EUR spend; a JPY rate dated after the charges
        // does not apply to them. Rates apply on read: still no scan.
        asUser("finance", () -> rates.set("EUR", "USD", firstDay.minusDays(1), 1.1), Role.FINANCE);
        asUser("finance", () -> rates.set("JPY", "USD", firstDay.plusDays(5), 0.0066), Role.FINANCE);
        SpendBreakdown converted = figures.spend(usd);
        assertThat(converted.counted()).isCloseTo(300 + 1100, within(1e-9));
        assertThat(converted.notes()).containsExactly(
                "€1,000.00 EUR counted as $1,100.00 at 1.1 EUR→USD (rate of " + firstDay.minusDays(1) + ")",
                "¥1,234,567 JPY not counted: no JPY→USD rate");
        assertThat(cache.scans()).isEqualTo(scans);

        // A new version of the USD data (metered rows appended): scanned once, and counted.
        SystemRunner.runAsSystem(() -> assertThat(imports.appendUsage("it-cur-usd-" + suffix,
                List.of(row(500, "USD", 3)), "test").status()).isEqualTo(ImportResult.Status.CREATED));
        assertThat(figures.spend(usd).counted()).isCloseTo(800 + 1100, within(1e-9));
        long afterAppend = cache.scans();
        assertThat(afterAppend).isGreaterThan(scans);
        assertThat(figures.spend(usd).counted()).isCloseTo(800 + 1100, within(1e-9));
        assertThat(cache.scans()).isEqualTo(afterAppend);
    }

    @Test
    void theBudgetsPageDataNamesWhatWasLeftOutInTheBudgetsCurrency() throws Exception {
        users.insertTeam(team, "currency test");
        importAsCsv("it-cur-mix-usd-" + suffix, List.of(row(250, "USD", 0)));
        importAsCsv("it-cur-mix-gbp-" + suffix, List.of(row(1_000, "GBP", 0)));
        asUser("admin", () -> policies.save(null, """
                id: it-cur-%s
                name: Currency test budget
                scope:
                  team: %s
                rules:
                  - type: budget
                    id: monthly
                    period: month
                    amount: 1000
                    currency: USD
                    thresholds:
                      - {at: 100, action: deny}
                """.formatted(suffix, team), "test"), Role.ADMIN);

        List<BudgetRow> rows = asUser("finance", budgets::status, Role.FINANCE).stream()
                .filter(r -> r.policyId().equals("it-cur-" + suffix)).toList();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.currency()).isEqualTo("USD");
            assertThat(r.check().status().actual()).isCloseTo(250, within(1e-9));
            assertThat(r.notes()).containsExactly("£1,000.00 GBP not counted: no GBP→USD rate");
        });

        // The page says it; finance enters a GBP→USD rate (a pair no other test sets) on the admin page, and then
        // the page says at which rate it converted.
        loginAs("finance");
        open("budgets");
        PlaywrightAssertions.assertThat(page.locator("#budgets-currency-notes"))
                .containsText("£1,000.00 GBP not counted: no GBP→USD rate");
        screenshot("budgets-currency-not-counted");
        open("admin/exchange-rates");
        page.locator("#rate-from input").fill("GBP");
        page.locator("#rate-date input").fill(firstDay.minusDays(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy")));
        page.locator("#rate-date input").press("Enter");
        page.locator("#rate-value input").fill("1.27");
        page.locator("#rate-save").click();
        waitForVaadin();
        PlaywrightAssertions.assertThat(page.locator("#rates-grid")).containsText(firstDay.minusDays(1).toString());
        open("budgets");
        PlaywrightAssertions.assertThat(page.locator("#budgets-currency-notes")).containsText("£1,000.00 GBP counted as "
                + "$1,270.00 at 1.27 GBP→USD (rate of " + firstDay.minusDays(1) + ")");
        screenshot("budgets-currency-converted");
    }

    @Test
    void aRequestPricedInFrancsKeepsItsCurrencyAndItsResourceCountsOnlyAtARate() {
        long teamId = users.insertTeam(team, "currency test");
        String requestId = "it-cur-req-" + suffix;
        Instant from = monthStart.plus(1, ChronoUnit.HOURS);
        tx.executeWithoutResult(status -> {
            RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, team, null, "it-cur", "aws", "eu-north-1",
                    "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, null, "internal", Map.of(), true, true, true, false);
            long decision = decisions.record(DecisionKind.REQUEST, requestId, team, "engineer",
                    Decision.of(List.of(), List.of(), List.of()), Map.of("test", "currency"), from);
            requests.insert(requestId, teamId, "engineer", draft, new Estimate(10, 100, 110, 7_300, "test", "CHF"),
                    "ALLOW", RequestState.PROVISIONED, false, decision, from);
            var request = requests.find(requestId).orElseThrow();
            String resourceId = "it-cur-res-" + suffix;
            resources.insert(request, new ResourceStatus(resourceId, ResourceState.RUNNING, from, "test"), from);
            resources.recordUsage(resources.find(resourceId).orElseThrow(), List.of(row(40, "CHF", 1)),
                    from.plus(1, ChronoUnit.HOURS));
        });
        assertThat(requests.find(requestId).orElseThrow().estimate().currency()).isEqualTo("CHF");
        BudgetKey usd = new BudgetKey("it-cur", BudgetKey.Scope.TEAM, team, BudgetPeriod.MONTH, monthStart,
                nextMonth);

        assertThat(spend.runRatePerHour(usd)).isZero();
        assertThat(spend.spend(usd).notes()).containsExactly("40.00 CHF not counted: no CHF→USD rate");

        asUser("finance", () -> rates.set("CHF", "USD", firstDay.minusDays(1), 1.15), Role.FINANCE);
        assertThat(spend.runRatePerHour(usd)).isCloseTo(11.5, within(1e-9));
        assertThat(spend.spend(usd).counted()).isCloseTo(46, within(1e-9));
        // Leave no running resource to the other tests of this portal.
        String resourceId = "it-cur-res-" + suffix;
        Instant end = from.plus(1, ChronoUnit.HOURS);
        tx.executeWithoutResult(status -> resources.updateState(resourceId,
                new ResourceStatus(resourceId, ResourceState.DELETED, end, "done"), end));
    }

    @Test
    void theExplorerTotalsEachCurrencyApart() {
        String dataset = "it-cur-explorer-" + suffix;
        SystemRunner.runAsSystem(() -> imports.appendOrCreate(dataset, "explorer", List.of(row(100, "USD", 0),
                row(50, "USD", 1), row(900, "EUR", 0), row(1_234_567, "JPY", 0)), "test", "team", false));
        Map<String, Double> totals = asUser("finance", () -> queries.totalsByCurrency(
                queries.latestVersionKey(dataset), UsageQuery.builder().sum(Metric.EFFECTIVE_COST).build()),
                Role.FINANCE);

        assertThat(totals).containsOnlyKeys("USD", "EUR", "JPY");
        assertThat(totals.get("USD")).isCloseTo(150, within(1e-9));
        assertThat(totals.get("EUR")).isCloseTo(900, within(1e-9));
        assertThat(totals.get("JPY")).isCloseTo(1_234_567, within(1e-9));
        // Largest amount first: the explorer lists them in this order.
        assertThat(totals.keySet()).containsExactly("JPY", "EUR", "USD");
        Map<String, Double> usdOnly = asUser("finance", () -> queries.spendByTeam(dataset, "USD", monthStart,
                nextMonth), Role.FINANCE);
        assertThat(usdOnly.get(team)).isCloseTo(150, within(1e-9));

        // The page: one total per currency, and the charts and table in one currency at a time.
        loginAs("finance");
        open("explorer");
        pickSelect("explorer-dataset", dataset);
        PlaywrightAssertions.assertThat(page.locator("#explorer-summary")).containsText(
                "total EffectiveCost 1,234,567 JPY; 900.00 EUR; 150.00 USD (charts and table: USD only)");
        PlaywrightAssertions.assertThat(page.locator("#explorer-currency")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#explorer-table")).containsText("150.00");
        PlaywrightAssertions.assertThat(page.locator("#explorer-table")).not().containsText("1,234,567");
        screenshot("explorer-per-currency");
    }

    @Test
    void theVersionsGridAndTheResourcesPageShowEachAmountInItsOwnCurrency() throws Exception {
        String dataset = "it-cur-versions-" + suffix;
        SystemRunner.runAsSystem(() -> imports.appendOrCreate(dataset, "versions", List.of(row(100, "USD", 0),
                row(50, "USD", 1), row(1_234_567, "JPY", 0)), "test", "team", false));
        long teamId = users.insertTeam(team, "currency test");
        String requestId = "it-cur-res-req-" + suffix;
        // The resource lives in the test cloud too, or the inventory sweep would rightly mark it deleted.
        String resourceId = cloud.provision(new ProvisionRequest(requestId, cloud.offerings().stream()
                .filter(o -> o.instanceType().equals("p5.48xlarge") && o.regionId().equals("eu-north-1"))
                .findFirst().orElseThrow(), 1, PurchaseOption.ON_DEMAND, "it-cur-francs",
                Map.of(CloudProvider.REQUEST_TAG, requestId), true, true)).resourceId();
        Instant from = monthStart.plus(1, ChronoUnit.HOURS);
        tx.executeWithoutResult(status -> {
            RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, team, null, "it-cur-francs", "aws",
                    "eu-north-1", "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, null, "internal", Map.of(), true, true,
                    true, false);
            long decision = decisions.record(DecisionKind.REQUEST, requestId, team, "engineer",
                    Decision.of(List.of(), List.of(), List.of()), Map.of("test", "currency"), from);
            requests.insert(requestId, teamId, "engineer", draft, new Estimate(12.5, 100, 110, 9_125, "test", "CHF"),
                    "ALLOW", RequestState.PROVISIONED, false, decision, from);
            resources.insert(requests.find(requestId).orElseThrow(),
                    new ResourceStatus(resourceId, ResourceState.RUNNING, from, "test"), from);
            resources.recordUsage(resources.find(resourceId).orElseThrow(), List.of(row(40, "CHF", 1),
                    row(7, "EUR", 2)), from.plus(2, ChronoUnit.HOURS));
        });
        try {
            assertThat(resources.find(resourceId).orElseThrow().costToDate())
                    .containsOnly(Map.entry("CHF", 40.0), Map.entry("EUR", 7.0));

            loginAs("admin");
            open("usage");
            pickSelect("dataset-select", dataset);
            PlaywrightAssertions.assertThat(page.locator("#versions-grid")).containsText("¥1,234,567 JPY · $150.00");
            PlaywrightAssertions.assertThat(page.locator("#versions-grid")).not().containsText("$1,234,717");
            open("resources");
            PlaywrightAssertions.assertThat(page.locator("#resources-grid")).containsText("12.50 CHF/h");
            PlaywrightAssertions.assertThat(page.locator("#resources-grid")).containsText("40.00 CHF · €7.00 EUR");
            PlaywrightAssertions.assertThat(page.locator("#resources-grid")).not().containsText("$47.00");
            screenshot("resources-in-their-currency");
        } finally {
            // Leave no running resource to the other tests of this portal.
            Instant end = from.plus(2, ChronoUnit.HOURS);
            tx.executeWithoutResult(status -> resources.updateState(resourceId,
                    new ResourceStatus(resourceId, ResourceState.DELETED, end, "done"), end));
            cloud.deprovision(resourceId);
        }
    }

    @Test
    void ratesAreSetByAdminOrFinanceOnlyValidatedAndAudited() {
        assertThatThrownBy(() -> asUser("engineer", () -> rates.set("GBP", "USD", firstDay, 1.27), Role.ENGINEER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asUser("admin", () -> rates.set("EURO", "USD", firstDay, 1.1), Role.ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> asUser("admin", () -> rates.set("GBP", "USD", firstDay, 0), Role.ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> asUser("admin", () -> rates.set("USD", "USD", firstDay, 1), Role.ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different currencies");

        LocalDate day = firstDay.minusYears(3 + (suffix.hashCode() & 7));
        asUser("admin", () -> rates.set("GBP", "CHF", day, 1.12), Role.ADMIN);
        asUser("admin", () -> rates.set("GBP", "CHF", day, 1.13), Role.ADMIN);
        assertThat(asUser("engineer", rates::rates, Role.ENGINEER))
                .anySatisfy(r -> assertThat(r.date().equals(day) && r.pair().equals("GBP→CHF") && r.rate() == 1.13)
                        .isTrue());
        assertThat(asUser("admin", () -> rates.delete("GBP", "CHF", day), Role.ADMIN)).isTrue();
        assertThat(asUser("admin", () -> rates.delete("GBP", "CHF", day), Role.ADMIN)).isFalse();
        String target = "exchange-rate:GBP→CHF@" + day;
        assertThat(asUser("admin", () -> audit.find(new AuditFilter(null, null, null, null), 0, 50), Role.ADMIN))
                .filteredOn(e -> e.target().equals(target)).extracting(e -> e.action())
                .containsExactly("exchange-rate.delete", "exchange-rate.set", "exchange-rate.set");
    }

    private <T> T asUser(String name, Supplier<T> work, Role... roles) {
        return RunAs.user(app, name, work, roles);
    }

    /** A row of the team in this month, {@code hour} hours after its start. */
    private UsageRecord row(double cost, String currency, int hour) {
        Instant from = monthStart.plus(hour, ChronoUnit.HOURS);
        return new UsageRecord("acct-" + currency, team, from, from.plusSeconds(3600), "Usage", "GPU hour",
                "Standard", cost, cost, cost, cost, currency, 1, "Hours", 1, "Hours", "AWS",
                "Amazon Elastic Compute Cloud", "Compute", "eu-north-1", "i-" + UUID.randomUUID(), "trainer",
                "Virtual Machine", "p5.48xlarge", Map.of("team", team));
    }

    /** A real file import: the rows written as a FOCUS CSV (through a scratch dataset that does not count). */
    private void importAsCsv(String dataset, List<UsageRecord> rows) throws Exception {
        Path csv = Files.createTempFile("it-currency", ".csv");
        try {
            SystemRunner.runAsSystem(() -> {
                ImportResult staged = imports.appendOrCreate(dataset + "-scratch", "scratch", rows, "test", "team",
                        false);
                assertThat(staged.status()).isEqualTo(ImportResult.Status.CREATED);
                try (OutputStream out = Files.newOutputStream(csv)) {
                    exports.writeVersion(staged.version().orElseThrow().versionId(),
                            UsageExportService.ExportFormat.CSV, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                ImportResult imported = imports.importFile(dataset, csv, "billing.csv", ValidationMode.STRICT, "team");
                assertThat(imported.status()).isEqualTo(ImportResult.Status.CREATED);
            });
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
