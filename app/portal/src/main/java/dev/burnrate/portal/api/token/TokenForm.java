package dev.burnrate.portal.api.token;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.burnrate.portal.api.ApiScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects a new token's name, scopes and expiry (7, 30, 90 or 365 days, or a date within a year) and fires
 * {@link CreateEvent}; the view calls the service, which checks everything again.
 */
public class TokenForm extends FormLayout {

    static final String ON_A_DATE = "On a date";
    private static final List<String> CHOICES = List.of("7 days", "30 days", "90 days", "365 days", ON_A_DATE);

    private final TextField name = new TextField("Name");
    private final CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
    private final Select<String> expiry = new Select<>();
    private final DatePicker date = new DatePicker("Expires on (UTC)");
    private final Clock clock;

    /** @param offered the scopes this user may give a token (admin only for ADMIN users) */
    public TokenForm(Collection<ApiScope> offered, Clock clock) {
        this.clock = clock;
        addClassName("token-form");
        name.setId("token-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setPlaceholder("e.g. training-pipeline");
        scopes.setId("token-scopes");
        scopes.setItems(offered.isEmpty() ? EnumSet.noneOf(ApiScope.class) : EnumSet.copyOf(offered));
        scopes.setItemLabelGenerator(scope -> scope.name().toLowerCase(Locale.ROOT));
        scopes.setValue(offered.contains(ApiScope.READ) ? EnumSet.of(ApiScope.READ) : EnumSet.noneOf(ApiScope.class));
        scopes.setHelperText("read: look up; estimate: estimates and policy checks; provision: request, stop and "
                + "delete capacity; import: upload usage data; admin: administration");
        expiry.setLabel("Expires in");
        expiry.setId("token-expiry");
        expiry.setItems(CHOICES);
        expiry.setValue("30 days");
        date.setId("token-expiry-date");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        date.setMin(today.plusDays(1));
        date.setMax(today.plusDays(365));
        date.setVisible(false);
        // ISO dates: the expiry is a UTC day, the same whatever the browser's language
        date.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        date.setPlaceholder("yyyy-mm-dd");
        expiry.addValueChangeListener(change -> date.setVisible(ON_A_DATE.equals(change.getValue())));

        Button create = new Button("Create token", click -> fireEvent(new CreateEvent(this, name.getValue(),
                scopes.getValue(), expiresAt())));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, scopes, expiry, date, create);
    }

    /** The chosen expiry; null when "on a date" has no date yet (the service then names the field). */
    private Instant expiresAt() {
        if (ON_A_DATE.equals(expiry.getValue())) {
            return date.getValue() == null ? null : date.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        int days = Integer.parseInt(expiry.getValue().split(" ")[0]);
        return clock.instant().plus(Duration.ofDays(days));
    }

    /** Puts the token service's "field: message; field: message" on the fields it names. */
    public void showProblems(String message) {
        for (String part : message.split("; ")) {
            int colon = part.indexOf(": ");
            if (colon > 0) {
                showError(part.substring(0, colon), part.substring(colon + 2));
            } else {
                showError("name", part);
            }
        }
    }

    private void showError(String field, String message) {
        switch (field) {
            case "scopes" -> {
                scopes.setInvalid(true);
                scopes.setErrorMessage(message);
            }
            case "expiresAt", "expiresInDays" -> {
                date.setVisible(true);
                date.setInvalid(true);
                date.setErrorMessage(message);
            }
            default -> {
                name.setInvalid(true);
                name.setErrorMessage(message);
            }
        }
    }

    public void reset() {
        name.clear();
        name.setInvalid(false);
        scopes.setInvalid(false);
        date.setInvalid(false);
    }

    public static final class CreateEvent extends ComponentEvent<TokenForm> {
        private final String name;
        private final Set<ApiScope> scopes;
        private final Instant expiresAt;

        CreateEvent(TokenForm source, String name, Set<ApiScope> scopes, Instant expiresAt) {
            super(source, false);
            this.name = name;
            this.scopes = scopes;
            this.expiresAt = expiresAt;
        }

        public String name() {
            return name;
        }

        public Set<ApiScope> scopes() {
            return scopes;
        }

        public Instant expiresAt() {
            return expiresAt;
        }
    }

    public Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }
}
