package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.support.TestDatabases;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chargeback on a real PostgreSQL server, over the demo's billing history imported at start-up: the rule is stored
 * there, and under every rule the statement of the last closed month adds up to the invoice to the cent, which
 * equals an independent BigDecimal sum of the same history's BilledCost (read back with FastCSV).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "burnrate.demo=true")
class ChargebackPostgresIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.createPostgresDatabase("chargeback");
        registry.add("spring.datasource.url", () -> TestDatabases.postgresUrl("chargeback"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("burnrate.data-dir", () -> "target/it-data/chargeback-pg-" + ProcessHandle.current().pid());
    }

    @Autowired
    ChargebackService chargeback;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext app;

    @Test
    void everyRuleSplitsTheDemoInvoiceToTheCentOnPostgres() throws Exception {
        assertThat(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName))
                .isEqualTo("PostgreSQL");
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth last = now.minusMonths(1);
        BigDecimal invoice = demoBilledCost(now, last).setScale(2, RoundingMode.HALF_EVEN);
        for (SplitRule split : SplitRule.values()) {
            TreeMap<String, BigDecimal> shares = new TreeMap<>(split != SplitRule.FIXED ? Map.of() : Map.of(
                    "inference", new BigDecimal("40"), "vision", new BigDecimal("33.3333"),
                    "search", new BigDecimal("26.6667")));
            ChargebackStatement usd = RunAs.user(app, "finance", () -> {
                chargeback.saveRule(new ChargebackRule(split, new TreeSet<>(List.of("platform")), true, shares,
                        chargeback.rule().version()));
                return chargeback.statements(last).stream().filter(s -> s.currency().equals("USD")).findFirst()
                        .orElseThrow();
            }, Role.FINANCE);
            assertThat(usd.rule().split()).isEqualTo(split);
            // the current month's metered usage is not in the last closed month: the invoice is the demo's billing
            assertThat(usd.invoice()).as("%s", split).isEqualTo(invoice);
            assertThat(usd.lines().stream().map(ChargebackLine::billed).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualTo(invoice);
            assertThat(usd.lines().stream().map(ChargebackLine::effective).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualTo(usd.effective());
            assertThat(usd.lines()).extracting(ChargebackLine::label).doesNotContain("platform", "Unallocated");
        }
    }

    /** The BilledCost of a month of the demo history, summed from its CSV text. */
    private static BigDecimal demoBilledCost(YearMonth now, YearMonth month) throws IOException {
        StringWriter out = new StringWriter();
        BillingHistory.write(out, now);
        BigDecimal sum = BigDecimal.ZERO;
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(out.toString())) {
            for (NamedCsvRecord r : reader) {
                Instant start = Instant.parse(r.getField("ChargePeriodStart"));
                if (!start.isBefore(from) && start.isBefore(to)) {
                    sum = sum.add(new BigDecimal(r.getField("BilledCost")));
                }
            }
        }
        return sum;
    }
}
