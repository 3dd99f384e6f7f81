package dev.burnrate.portal.report;

import dev.burnrate.portal.report.ReportDocument.ReportField;
import dev.burnrate.portal.report.ReportTable.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Report documents for the export tests: two tables (one long), two charts, EUR and USD, awkward text. */
final class ReportSamples {

    static final String TITLE = "Budget review 2026-11";
    static final String PERIOD = "November 2026 (2026-11-01 to 2026-11-30)";
    static final String SIGN_OFF = "Signed by Zoë Müller on 2026-12-03 09:12 UTC";
    static final String DATA_VERSIONS = "aws-cur@3f2a9c1e77b0, metered-usage@77b0c2d4a1f9";

    /** Text that needs quoting, guarding or a font beyond Latin-1, as budget names a user could type. */
    static final List<String> AWKWARD = List.of(
            "vision, research", "the \"big\" one", "two\nlines", "Zürich – Δ Ω ₹ 東京", "=SUM(A1:A2)", "+1 555",
            "-rebate", "@import", "'=already quoted", "-12.50", "  padded  ");

    private ReportSamples() {
    }

    static ReportDocument rich() {
        return rich(230);
    }

    /** A review with {@code resources} rows in its second table. */
    static ReportDocument rich(int resources) {
        List<ReportField> header = List.of(
                new ReportField("Period", PERIOD),
                new ReportField("Sign-off", SIGN_OFF),
                new ReportField("Data versions", DATA_VERSIONS),
                new ReportField("Sign convention", "variance = actual - plan; positive is over budget"));
        List<List<Object>> budgets = new ArrayList<>();
        String[] teams = {"ml-research", "inference", "platform", "vision", "search"};
        for (int i = 0; i < teams.length; i++) {
            BigDecimal plan = new BigDecimal(5000 + 1000 * i + ".00");
            BigDecimal actual = new BigDecimal(4800 + 1234 * i + "." + (10 + 17 * i));
            BigDecimal eur = new BigDecimal("-" + (i * 101) + ".05");
            budgets.add(Arrays.asList(teams[i], plan, actual, actual.subtract(plan), eur,
                    actual.subtract(plan).doubleValue() * 100 / plan.doubleValue()));
        }
        budgets.add(Arrays.asList("Unbudgeted", null, new BigDecimal("0.01"), null, new BigDecimal("-0.99"), null));
        ReportTable budgetTable = new ReportTable("Budgets", List.of(Column.text("Budget"),
                Column.money("Plan", "USD"), Column.money("Actual", "USD"), Column.money("Variance", "USD"),
                Column.money("Credits", "EUR"), Column.percent("Variance")), budgets);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            String name = i < AWKWARD.size() ? AWKWARD.get(i) : "resource-" + i;
            BigDecimal usd = new BigDecimal((i % 7 == 3 ? "-" : "") + (i * 37 % 100000) + "." + String.format("%02d", i % 100));
            BigDecimal eur = new BigDecimal(i * 13 + ".9" + (i % 10));
            rows.add(Arrays.asList(name, "team-" + (i % 5), usd, eur, (double) (i % 9)));
        }
        ReportTable resourceTable = new ReportTable("Resources", List.of(Column.text("Resource"),
                Column.text("Team"), Column.money("Cost", "USD"), Column.money("Cost", "EUR"),
                Column.number("Instances")), rows);
        ReportChart planVsActual = new ReportChart("Plan vs actual", ReportChart.Kind.BAR, List.of(teams), List.of(
                new ReportChart.Series("Plan", budgets.subList(0, 5).stream().map(r -> (BigDecimal) r.get(1)).toList()),
                new ReportChart.Series("Actual", budgets.subList(0, 5).stream().map(r -> (BigDecimal) r.get(2)).toList()),
                new ReportChart.Series("Variance", budgets.subList(0, 5).stream().map(r -> (BigDecimal) r.get(3)).toList())));
        List<String> days = new ArrayList<>();
        List<BigDecimal> spend = new ArrayList<>();
        List<BigDecimal> forecast = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            days.add(String.format("2026-11-%02d", d));
            spend.add(d == 17 ? new BigDecimal("1300.00") : new BigDecimal(160 + d % 4 + ".25"));
            forecast.add(d < 10 ? null : new BigDecimal(165 + d + ".00"));
        }
        ReportChart daily = new ReportChart("Daily spend", ReportChart.Kind.LINE, days, List.of(
                new ReportChart.Series("search", spend), new ReportChart.Series("forecast P50", forecast)));
        return new ReportDocument(TITLE, header, List.of(budgetTable, resourceTable), List.of(planVsActual, daily));
    }
}
