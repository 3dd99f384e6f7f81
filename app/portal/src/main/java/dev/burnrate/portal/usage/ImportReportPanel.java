package dev.burnrate.portal.usage;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.validation.Deviation;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation report of the last import: outcome, the conformance report (each rule broken, per column, with
 * its count, what the import did with the rows and example rows, judged against the FOCUS version the file
 * resembles; warnings are counted there too), and the errors in detail (row, column, value, rule).
 */
class ImportReportPanel extends VerticalLayout {

    private final Span status = new Span();
    private final Grid<ValidationIssue> errors = new Grid<>(ValidationIssue.class, false);
    private final H3 conformanceTitle = new H3();
    private final Grid<Deviation> conformance = new Grid<>(Deviation.class, false);

    ImportReportPanel() {
        setId("import-report");
        setPadding(false);
        setVisible(false);
        status.setId("import-status");
        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.LUMO_COMPACT);
        errors.addColumn(i -> i.row() == 0 ? "" : Long.toString(i.row())).setHeader("Row").setAutoWidth(true);
        errors.addColumn(i -> i.line() == 0 ? "" : Long.toString(i.line())).setHeader("Line").setAutoWidth(true);
        errors.addColumn(ValidationIssue::column).setHeader("Column").setAutoWidth(true);
        errors.addColumn(ValidationIssue::value).setHeader("Value").setAutoWidth(true);
        errors.addColumn(i -> i.rule().id()).setHeader("Rule").setAutoWidth(true);
        errors.addColumn(ValidationIssue::message).setHeader("Problem").setFlexGrow(1);
        errors.setAllRowsVisible(true);
        conformance.setId("import-conformance");
        conformance.addThemeVariants(GridVariant.LUMO_COMPACT);
        conformance.addColumn(d -> d.rule().id()).setHeader("Rule").setAutoWidth(true);
        conformance.addColumn(Deviation::column).setHeader("Column").setAutoWidth(true);
        conformance.addColumn(Deviation::count).setHeader("Count").setAutoWidth(true);
        conformance.addColumn(ImportReportPanel::handling).setHeader("Rows").setAutoWidth(true);
        conformance.addColumn(Deviation::exampleRows).setHeader("Examples").setFlexGrow(1);
        conformance.addColumn(d -> d.examples().isEmpty() ? "" : d.examples().getFirst().message())
                .setHeader("Note").setFlexGrow(1);
        conformance.setAllRowsVisible(true);
        add(new H3("Validation report"), status, conformanceTitle, conformance, errors);
    }

    /** "1 row", "2 rows". */
    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String handling(Deviation d) {
        if (d.severity() != Severity.WARNING) {
            return "quarantined (strict: rejected)";
        }
        return d.rule() == dev.burnrate.engine.usage.validation.Rule.VALUE_NORMALISED ? "imported, normalised"
                : "imported as found";
    }

    /** The result of importing {@code fileName}; a rejection names the file, then row, column and value. */
    void show(String fileName, ImportResult result) {
        ValidationReport r = result.report();
        String text = switch (result.status()) {
            case CREATED -> "Imported " + r.rowsAccepted() + " of " + r.rowsRead() + " rows as version "
                    + result.version().orElseThrow().versionId()
                    + (r.rowsQuarantined() > 0 ? "; " + count(r.rowsQuarantined(), "row") + " quarantined" : "");
            case DUPLICATE -> "Identical content is already stored as version "
                    + result.version().orElseThrow().versionId() + "; nothing new was stored";
            case REJECTED -> "Rejected, nothing stored: in " + fileName + ", " + r.rejectionReason();
        };
        status.setText(text + " (" + count(r.errorCount(), "error") + ", " + count(r.warningCount(), "warning")
                + ", mode " + r.mode().name().toLowerCase() + ")");
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(result.status() == ImportResult.Status.REJECTED ? "badge error"
                : "badge success");
        List<ValidationIssue> shown = new ArrayList<>();
        r.fatal().ifPresent(shown::add);
        shown.addAll(r.errors());
        errors.setItems(shown);
        errors.setVisible(!shown.isEmpty());
        conformanceTitle.setText("Conformance with FOCUS " + r.focusVersion()
                + (r.deviations().isEmpty() ? ": no deviations" : ": " + count(r.deviations().size(), "deviation")));
        conformanceTitle.setVisible(!r.focusVersion().isEmpty());
        conformance.setItems(r.deviations());
        conformance.setVisible(!r.deviations().isEmpty());
        setVisible(true);
    }
}
