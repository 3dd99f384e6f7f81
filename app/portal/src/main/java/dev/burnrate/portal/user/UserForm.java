package dev.burnrate.portal.user;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.burnrate.portal.security.Role;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Create or edit a user. The form only collects input and fires {@link SaveEvent} / {@link CloseEvent}; the view
 * calls the service and shows its validation errors on the named field.
 */
class UserForm extends FormLayout {

    private final TextField username = new TextField("User name");
    private final TextField displayName = new TextField("Display name");
    private final EmailField email = new EmailField("E-mail");
    private final PasswordField password = new PasswordField("Password");
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    private final MultiSelectComboBox<Team> teams = new MultiSelectComboBox<>("Teams");
    private Long editingId;

    UserForm(List<Team> allTeams) {
        addClassName("user-form");
        username.setId("user-username");
        displayName.setId("user-display-name");
        password.setId("user-password");
        roles.setId("user-roles");
        teams.setId("user-teams");
        roles.setItems(Role.values());
        teams.setItems(allTeams);
        teams.setItemLabelGenerator(Team::name);
        username.setRequiredIndicatorVisible(true);
        displayName.setRequiredIndicatorVisible(true);
        password.setHelperText("At least 8 characters. Leave empty to keep the current password.");

        Button save = new Button("Save", click -> fireEvent(new SaveEvent(this, editingId, draft())));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> fireEvent(new CloseEvent(this)));
        add(username, displayName, email, password, roles, teams, new HorizontalLayout(save, cancel));
    }

    void setTeams(List<Team> allTeams) {
        teams.setItems(allTeams);
    }

    void editNew() {
        editingId = null;
        username.setReadOnly(false);
        username.clear();
        displayName.clear();
        email.clear();
        password.clear();
        roles.setValue(Set.of(Role.ENGINEER));
        teams.clear();
        clearErrors();
    }

    void edit(UserSummary user) {
        editingId = user.id();
        username.setValue(user.username());
        username.setReadOnly(true);
        displayName.setValue(user.displayName());
        email.setValue(user.email() == null ? "" : user.email());
        password.clear();
        roles.setValue(user.roles());
        teams.setValue(user.teams());
        clearErrors();
    }

    void showError(String field, String message) {
        HasValidation target = switch (field) {
            case "displayName" -> displayName;
            case "email" -> email;
            case "password" -> password;
            case "roles" -> roles;
            case "teams" -> teams;
            default -> username;
        };
        target.setInvalid(true);
        target.setErrorMessage(message);
    }

    private void clearErrors() {
        username.setInvalid(false);
        displayName.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
        roles.setInvalid(false);
        teams.setInvalid(false);
    }

    private UserDraft draft() {
        return new UserDraft(username.getValue(), displayName.getValue(), email.getValue(), password.getValue(),
                roles.getValue(), teams.getValue().stream().map(Team::id).collect(Collectors.toSet()));
    }

    static final class SaveEvent extends ComponentEvent<UserForm> {
        private final Long userId;
        private final UserDraft draft;

        SaveEvent(UserForm source, Long userId, UserDraft draft) {
            super(source, false);
            this.userId = userId;
            this.draft = draft;
        }

        /** The user being edited, or null for a new user. */
        Long userId() {
            return userId;
        }

        UserDraft draft() {
            return draft;
        }
    }

    static final class CloseEvent extends ComponentEvent<UserForm> {
        CloseEvent(UserForm source) {
            super(source, false);
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
        return addListener(CloseEvent.class, listener);
    }
}
