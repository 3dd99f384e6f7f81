package dev.burnrate.portal.api.token;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a new token's secret once, with a copy button. The secret is never stored (only its hash is), so closing
 * the dialog is the last chance to copy it; the dialog removes itself and its text from the page when closed.
 */
public class TokenSecretDialog extends Dialog {

    public TokenSecretDialog(String tokenName, String secret) {
        setHeaderTitle("Token \"" + tokenName + "\" created");
        setId("token-secret-dialog");
        setWidth("min(720px, 95vw)");
        setCloseOnOutsideClick(false);

        TextField value = new TextField();
        value.setId("token-secret");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidthFull();
        value.getElement().setAttribute("aria-label", "Token secret");
        Button copy = new Button("Copy", VaadinIcon.COPY.create());
        copy.setId("token-copy");
        // Copied in the browser, within the click's user activation: no second trip of the secret to the server.
        copy.getElement().executeJs("const field = $0; this.addEventListener('click', () => "
                + "navigator.clipboard && navigator.clipboard.writeText(field.value));", value.getElement());
        copy.addClickListener(click -> copy.setText("Copied"));
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        Paragraph warning = new Paragraph("Copy the token now: Burnrate keeps only a hash of it and cannot show it "
                + "again. Use it as \"Authorization: Bearer <token>\". If it is lost, revoke it and create a new one.");
        warning.addClassName("token-secret-warning");
        add(warning, row);

        Button done = new Button("I have copied it", click -> close());
        done.setId("token-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                value.clear();
                removeFromParent();
            }
        });
    }
}
