package dev.burnrate.portal.report;

import java.util.List;

/**
 * A finance document (a budget review, a chargeback statement) as data, so that the CSV, XLSX and PDF exports and
 * the screen all show the same figures. The header carries what every export must state: the period, the sign-off
 * state and the data versions the figures were computed from.
 *
 * @param title    e.g. "Budget review 2026-11"
 * @param header   labelled facts printed above the tables (period, state, signed by, data versions, ...)
 * @param tables   the figures; money cells are exact {@link java.math.BigDecimal}s already rounded to the cent
 * @param charts   what the PDF draws (the CSV and XLSX carry the same numbers in the tables)
 */
public record ReportDocument(String title, List<ReportField> header, List<ReportTable> tables,
                             List<ReportChart> charts) {

    public ReportDocument {
        header = List.copyOf(header);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
    }

    /** A labelled fact of the header, e.g. ("Sign-off", "Signed by fay on 2026-12-03 09:12 UTC"). */
    public record ReportField(String label, String value) {
    }
}
