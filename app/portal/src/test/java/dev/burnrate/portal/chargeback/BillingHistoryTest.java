package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The demo billing history has the levels, the over-budget month, the spike and the commitment the demo tells. */
class BillingHistoryTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void twelveMonthsAtTheDemoLevelsEndingWithTheLastClosedMonth() throws IOException {
        StringWriter out = new StringWriter();
        long rows = BillingHistory.write(out, NOW);
        assertThat(rows).isBetween(4_000L, 50_000L);
        Map<String, Map<YearMonth, BigDecimal>> effective = new HashMap<>();
        Map<String, BigDecimal> searchDays = new TreeMap<>();
        TreeSet<YearMonth> months = new TreeSet<>();
        BigDecimal purchases = BigDecimal.ZERO;
        long untagged = 0;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(out.toString())) {
            for (NamedCsvRecord r : reader) {
                Instant start = Instant.parse(r.getField("ChargePeriodStart"));
                YearMonth month = YearMonth.from(start.atZone(java.time.ZoneOffset.UTC));
                months.add(month);
                String tags = r.getField("Tags");
                String team = tags.contains("\"team\"") ? tags.replaceAll(".*\"team\":\"([^\"]+)\".*", "$1") : null;
                if (team == null) {
                    untagged++;
                }
                if (r.getField("ChargeCategory").equals("Purchase")) {
                    purchases = purchases.add(new BigDecimal(r.getField("BilledCost")));
                    assertThat(new BigDecimal(r.getField("EffectiveCost"))).isZero();
                }
                effective.computeIfAbsent(String.valueOf(team), t -> new HashMap<>()).merge(month,
                        new BigDecimal(r.getField("EffectiveCost")), BigDecimal::add);
                if ("search".equals(team) && month.equals(NOW.minusMonths(1))) {
                    searchDays.merge(start.toString(), new BigDecimal(r.getField("EffectiveCost")), BigDecimal::add);
                }
            }
        }
        assertThat(months.first()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(months.last()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(months).hasSize(12);
        assertThat(purchases).isEqualByComparingTo("36000");
        assertThat(untagged).isGreaterThan(12 * 28 * 2);
        YearMonth typical = YearMonth.of(2026, 2);
        assertThat(effective.get("ml-research").get(typical).doubleValue()).isCloseTo(3_000, within(1.0));
        assertThat(effective.get("inference").get(typical).doubleValue()).isCloseTo(12_000, within(1.0));
        assertThat(effective.get("platform").get(typical).doubleValue()).isCloseTo(6_000, within(1.0));
        assertThat(effective.get("vision").get(typical).doubleValue()).isCloseTo(9_000, within(1.0));
        assertThat(effective.get("search").get(typical).doubleValue()).isCloseTo(4_000, within(1.0));
        assertThat(effective.get("vision").get(NOW.minusMonths(1)).doubleValue()).isCloseTo(11_500, within(1.0));
        BigDecimal max = searchDays.values().stream().max(BigDecimal::compareTo).orElseThrow();
        double median = searchDays.values().stream().mapToDouble(BigDecimal::doubleValue).sorted()
                .toArray()[searchDays.size() / 2];
        assertThat(max.doubleValue() / median).isBetween(6.5, 9.5);
        assertThat(searchDays.entrySet().stream().filter(e -> e.getValue().equals(max)).findFirst().orElseThrow()
                .getKey()).startsWith("2026-11-15");
    }
}
