package dev.burnrate.portal.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Function;

/** Asks why a signed review is reopened; the reason is kept and audited. */
class ReopenDialog extends Dialog {

    ReopenDialog(Review review, Function<String, String> reopen) {
        setHeaderTitle("Reopen the review of " + review.period().label());
        setId("reopen-dialog");
        TextArea reason = new TextArea("Reason (kept with the review and in the audit log)");
        reason.setId("reopen-reason");
        reason.setWidth("30em");
        Paragraph error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new Paragraph("The signed figures stay stored; the review shows live figures again until it is signed "
                + "anew, and budget edits of the period are allowed meanwhile."), reason, error);
        Button confirm = new Button("Reopen", e -> {
            String problem = reopen.apply(reason.getValue());
            if (problem == null) {
                close();
            } else {
                error.setText(problem);
            }
        });
        confirm.setId("reopen-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
