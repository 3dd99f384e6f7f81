package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.finance.DataVersions;
import dev.burnrate.portal.finance.PinnedVersion;
import dev.burnrate.portal.finance.SyntheticBilling;
import dev.burnrate.portal.report.ReportDocument;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.usage.UsageQueryService;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Chargeback statements over imported synthetic billing (credits, a refund, an amortised commitment, untagged and
 * shared-team rows, EUR next to USD): every rule splits to the cent, the lines add up to the invoice, which equals
 * an independent BigDecimal sum of the file; rule edits are validated, audited and limited to FINANCE and ADMIN;
 * an engineer sees only their team's lines. The rule is stored in the portal's database (H2 here; the
 * repository runs on both databases in {@link ChargebackRuleRepositoryIT}).
 */
class ChargebackServiceIT extends BrowserTestBase {

    private static final String DATASET = "chargeback-synthetic";
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static Path csv;

    @Autowired
    ChargebackService chargeback;
    @Autowired
    UsageDatasetService datasets;
    @Autowired
    UsageImportService imports;
    @Autowired
    UsageQueryService queries;
    @Autowired
    AuditService audit;
    @Autowired
    ApplicationContext app;

    private <T> T as(String user, Role role, Supplier<T> work) {
        return RunAs.user(app, user, work, role);
    }

    @BeforeEach
    void importOnce() throws IOException {
        if (csv != null) {
            return;
        }
        csv = Path.of("target", "it-data", "chargeback-synthetic.csv");
        Files.createDirectories(csv.getParent());
        SyntheticBilling.write(csv, 6_000, 11);
        as("finance", Role.FINANCE, () -> {
            datasets.createDataset(DATASET, "Chargeback test billing", "team", false);
            return imports.importFile(DATASET, csv, "chargeback.csv", ValidationMode.STRICT, "team");
        });
    }

    private DataVersions versions() {
        return new DataVersions(List.of(new PinnedVersion(DATASET,
                as("finance", Role.FINANCE, () -> queries.latestVersionKey(DATASET)), "team")));
    }

    private ChargebackRule save(SplitRule split, Map<String, String> shares) {
        return as("finance", Role.FINANCE, () -> {
            ChargebackRule current = chargeback.rule();
            TreeMap<String, BigDecimal> fixed = new TreeMap<>();
            shares.forEach((k, v) -> fixed.put(k, new BigDecimal(v)));
            return chargeback.saveRule(new ChargebackRule(split, new TreeSet<>(List.of("platform")), true, fixed,
                    current.version()));
        });
    }

    @Test
    void everyRuleSplitsToTheCentAndTheStatementAddsUpToTheInvoice() throws IOException {
        Map<String, BigDecimal> invoice = exactBilledPerCurrency();
        assertThat(invoice).containsOnlyKeys("USD", "EUR");
        for (SplitRule split : SplitRule.values()) {
            save(split, split == SplitRule.FIXED ? Map.of("alpha", "12.5", "beta", "37.5", "ml-research", "50")
                    : Map.of());
            List<ChargebackStatement> statements = as("finance", Role.FINANCE,
                    () -> chargeback.statements(MARCH, versions()));
            assertThat(statements).extracting(ChargebackStatement::currency).containsExactly("EUR", "USD");
            for (ChargebackStatement s : statements) {
                assertThat(s.rule().split()).isEqualTo(split);
                BigDecimal expected = invoice.get(s.currency()).setScale(2, RoundingMode.HALF_EVEN);
                assertThat(s.invoice()).as("%s %s", split, s.currency()).isEqualTo(expected);
                assertThat(sum(s.lines().stream().map(ChargebackLine::billed).toList())).isEqualTo(expected);
                assertThat(sum(s.lines().stream().map(ChargebackLine::effective).toList())).isEqualTo(s.effective());
                assertThat(s.lines()).extracting(ChargebackLine::label).doesNotContain("platform");
                for (ChargebackLine l : s.lines()) {
                    assertThat(l.directBilled().add(l.sharedBilled())).isEqualTo(l.billed());
                }
            }
            ChargebackStatement usd = statements.get(1);
            // the commitment is billed up front (untagged, so shared) and amortised over teams' covered usage
            assertThat(usd.lines()).anyMatch(l -> l.directEffective().compareTo(l.directBilled()) > 0);
            if (split == SplitRule.FIXED) {
                Map<String, ChargebackLine> byTeam = new HashMap<>();
                usd.lines().forEach(l -> byTeam.put(l.label(), l));
                BigDecimal shared = sum(usd.lines().stream().map(ChargebackLine::sharedBilled).toList());
                assertThat(byTeam.get("ml-research").sharedBilled()).isBetween(
                        shared.divide(BigDecimal.TWO).subtract(new BigDecimal("0.02")),
                        shared.divide(BigDecimal.TWO).add(new BigDecimal("0.02")));
                assertThat(byTeam.get("gamma").sharedBilled()).isEqualByComparingTo("0");
            }
        }
    }

    @Test
    void fixedSharesThatDoNotAddUpAreRefusedWithTheirSum() {
        int before = as("finance", Role.FINANCE, () -> chargeback.rule().version());
        assertThatThrownBy(() -> save(SplitRule.FIXED, Map.of("alpha", "50", "beta", "40")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Fixed shares add up to 90%; they must add up to exactly 100%.");
        assertThatThrownBy(() -> save(SplitRule.FIXED, Map.of("platform", "100")))
                .hasMessageContaining("Team platform is a shared team");
        assertThat(as("finance", Role.FINANCE, () -> chargeback.rule().version())).isEqualTo(before);
    }

    @Test
    void onlyFinanceAndAdminChangeTheRuleEachChangeAuditedAndStaleEditsRefused() {
        int audited = as("admin", Role.ADMIN, () -> audit.count(new AuditFilter(null, "chargeback.rule", null,
                null)));
        ChargebackRule saved = save(SplitRule.EVEN, Map.of());
        assertThat(as("admin", Role.ADMIN, () -> audit.count(new AuditFilter(null, "chargeback.rule", null, null))))
                .isEqualTo(audited + 1);
        for (Role role : List.of(Role.ENGINEER, Role.APPROVER)) {
            assertThatThrownBy(() -> as("engineer", role, () -> chargeback.saveRule(saved)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        ChargebackRule stale = new ChargebackRule(SplitRule.PROPORTIONAL, saved.sharedTeams(), true,
                saved.fixedShares(), saved.version() - 1);
        assertThatThrownBy(() -> as("admin", Role.ADMIN, () -> chargeback.saveRule(stale)))
                .hasMessageContaining("changed by someone else");
        assertThat(as("engineer", Role.ENGINEER, () -> chargeback.canEditRule())).isFalse();
        assertThat(as("finance", Role.FINANCE, () -> chargeback.canEditRule())).isTrue();
    }

    @Test
    void anEngineerSeesOnlyTheirTeamsLinesWithTheSameFigures() {
        save(SplitRule.PROPORTIONAL, Map.of());
        ChargebackStatement all = as("finance", Role.FINANCE, () -> chargeback.statements(MARCH, versions())).get(1);
        ChargebackStatement mine = as("engineer", Role.ENGINEER, () -> chargeback.statements(MARCH, versions()))
                .get(1);
        assertThat(mine.scoped()).isTrue();
        assertThat(mine.lines()).extracting(ChargebackLine::label).containsExactly("ml-research");
        assertThat(mine.lines().getFirst()).isEqualTo(all.lines().stream()
                .filter(l -> "ml-research".equals(l.team())).findFirst().orElseThrow());

        ReportDocument report = as("engineer", Role.ENGINEER, () -> chargeback.report(mine, null));
        assertThat(report.header()).extracting(ReportDocument.ReportField::label)
                .contains("Period", "Sign-off", "Split rule", "Data versions").doesNotContain("Invoice (BilledCost)");
        assertThat(report.tables().getFirst().rows()).hasSize(1);
        ReportDocument full = as("finance", Role.FINANCE, () -> chargeback.report(all, "Signed by fay"));
        assertThat(full.header()).contains(new ReportDocument.ReportField("Sign-off", "Signed by fay"));
        assertThat(full.tables().getFirst().rows().getLast()).contains("Total", all.invoice());
    }

    /** BilledCost of March per currency, from the CSV text with FastCSV and BigDecimal. */
    private static Map<String, BigDecimal> exactBilledPerCurrency() throws IOException {
        Map<String, BigDecimal> out = new HashMap<>();
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-01T00:00:00Z");
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord r : reader) {
                Instant start = Instant.parse(r.getField("ChargePeriodStart"));
                if (!start.isBefore(from) && start.isBefore(to)) {
                    out.merge(r.getField("BillingCurrency"), new BigDecimal(r.getField("BilledCost")),
                            BigDecimal::add);
                }
            }
        }
        return out;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
