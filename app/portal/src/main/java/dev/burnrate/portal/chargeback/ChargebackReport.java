package dev.burnrate.portal.chargeback;

import dev.burnrate.portal.report.ReportChart;
import dev.burnrate.portal.report.ReportDocument;
import dev.burnrate.portal.report.ReportDocument.ReportField;
import dev.burnrate.portal.report.ReportTable;
import dev.burnrate.portal.report.ReportTable.Column;
import java.util.ArrayList;
import java.util.List;

/** A chargeback statement as a {@link ReportDocument}: the header, the lines and a direct-vs-shared chart. */
final class ChargebackReport {

    /** What the header says when no review covers the statement's period. */
    static final String NOT_REVIEWED = "Not reviewed";

    private ChargebackReport() {
    }

    static ReportDocument document(ChargebackStatement s, String signOffState) {
        String c = s.currency();
        List<ReportField> header = new ArrayList<>(List.of(
                new ReportField("Period", s.month().toString()),
                new ReportField("Currency", c),
                new ReportField("Sign-off", signOffState == null ? NOT_REVIEWED : signOffState),
                new ReportField("Split rule", s.rule().describe()),
                new ReportField("Data versions", s.versions().describe())));
        if (!s.scoped()) {
            header.add(new ReportField("Invoice (BilledCost)", s.invoice().toPlainString() + " " + c));
            header.add(new ReportField("Amortised (EffectiveCost)", s.effective().toPlainString() + " " + c));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ChargebackLine l : s.lines()) {
            rows.add(List.of(l.label(), l.directBilled(), l.sharedBilled(), l.billed(), l.directEffective(),
                    l.sharedEffective(), l.effective()));
        }
        if (!s.scoped()) {
            rows.add(List.of("Total", sum(s, ChargebackLine::directBilled), sum(s, ChargebackLine::sharedBilled),
                    s.invoice(), sum(s, ChargebackLine::directEffective), sum(s, ChargebackLine::sharedEffective),
                    s.effective()));
        }
        ReportTable table = new ReportTable("Chargeback " + s.month() + " " + c, List.of(Column.text("Team"),
                Column.money("Direct billed", c), Column.money("Shared billed", c), Column.money("Billed", c),
                Column.money("Direct amortised", c), Column.money("Shared amortised", c),
                Column.money("Amortised", c)), rows);
        List<String> teams = s.lines().stream().map(ChargebackLine::label).toList();
        ReportChart chart = new ReportChart("Billed cost per team, " + c, ReportChart.Kind.BAR, teams, List.of(
                new ReportChart.Series("Direct", s.lines().stream().map(ChargebackLine::directBilled).toList()),
                new ReportChart.Series("Shared", s.lines().stream().map(ChargebackLine::sharedBilled).toList())));
        return new ReportDocument("Chargeback statement " + s.month() + " (" + c + ")", header, List.of(table),
                List.of(chart));
    }

    private static java.math.BigDecimal sum(ChargebackStatement s,
                                            java.util.function.Function<ChargebackLine, java.math.BigDecimal> f) {
        return s.lines().stream().map(f).reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add);
    }
}
