package dev.burnrate.portal.serviceaccount;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** Create or edit a service account: name (fixed once created), description, roles, teams. No password field. */
class ServiceAccountForm extends FormLayout {

    private final TextField username = new TextField("Name");
    private final TextField displayName = new TextField("Description");
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    private final MultiSelectComboBox<Team> teams = new MultiSelectComboBox<>("Teams");
    private Long editingId;

    /** @param save called with the account being edited (null for a new one) and the draft */
    ServiceAccountForm(List<Team> allTeams, BiConsumer<Long, ServiceAccountDraft> save, Runnable cancel) {
        addClassName("service-account-form");
        username.setId("service-account-username");
        username.setPlaceholder("e.g. ci-training");
        username.setRequiredIndicatorVisible(true);
        displayName.setId("service-account-description");
        displayName.setPlaceholder("What uses this account");
        displayName.setRequiredIndicatorVisible(true);
        roles.setId("service-account-roles");
        roles.setItems(Role.values());
        teams.setId("service-account-teams");
        teams.setItems(allTeams);
        teams.setItemLabelGenerator(Team::name);
        Button saveButton = new Button("Save", click -> save.accept(editingId, draft()));
        saveButton.setId("service-account-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(username, displayName, roles, teams, new HorizontalLayout(saveButton, new Button("Cancel", c -> cancel.run())));
    }

    void editNew() {
        editingId = null;
        username.setReadOnly(false);
        username.clear();
        displayName.clear();
        roles.setValue(Set.of(Role.ENGINEER));
        teams.clear();
        clearErrors();
    }

    void edit(ServiceAccount account) {
        editingId = account.id();
        username.setValue(account.username());
        username.setReadOnly(true);
        displayName.setValue(account.displayName());
        roles.setValue(account.roles());
        teams.setValue(account.teams());
        clearErrors();
    }

    void showError(String field, String message) {
        HasValidation target = switch (field) {
            case "displayName" -> displayName;
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
        roles.setInvalid(false);
        teams.setInvalid(false);
    }

    private ServiceAccountDraft draft() {
        return new ServiceAccountDraft(username.getValue(), displayName.getValue(), roles.getValue(),
                teams.getValue().stream().map(Team::id).collect(Collectors.toSet()));
    }
}
