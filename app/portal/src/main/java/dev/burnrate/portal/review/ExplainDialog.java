package dev.burnrate.portal.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;

/** Writes a new version of a line's explanation and, optionally, proposes a reforecast. */
class ExplainDialog extends Dialog {

    interface Save {
        /** Saves; returns an error message to show, or null when saved. */
        String save(String text, BigDecimal reforecast, String note);
    }

    ExplainDialog(ReviewLine line, ReviewSheet sheet, Save save) {
        setHeaderTitle("Explain " + line.label());
        setId("explain-dialog");
        var versions = sheet.explanationsOf(line.key());
        TextArea text = new TextArea("Explanation (a new version; earlier versions are kept)");
        text.setId("explain-text");
        text.setWidth("32em");
        text.setMaxLength(4000);
        if (!versions.isEmpty()) {
            text.setValue(versions.getLast().text());
        }
        BigDecimalField reforecast = new BigDecimalField("Reforecast at period end, " + line.currency()
                + " (optional)");
        reforecast.setId("explain-reforecast");
        TextField note = new TextField("Reforecast note (optional)");
        note.setId("explain-note");
        note.setWidthFull();
        Paragraph error = new Paragraph();
        error.setId("explain-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new Paragraph("Actual " + Figures.money(line.actual(), line.currency()) + ", forecast "
                + Figures.money(line.p50(), line.currency()) + ", plan " + Figures.money(line.plan(), line.currency())),
                text, reforecast, note, error);
        Button saveButton = new Button("Save", e -> {
            String problem = save.save(text.getValue(), reforecast.getValue(), note.getValue());
            if (problem == null) {
                close();
            } else {
                error.setText(problem);
            }
        });
        saveButton.setId("explain-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
    }
}
