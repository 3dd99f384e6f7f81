package dev.burnrate.portal.user;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Admin > Users: create users, assign roles and teams, disable users, create teams. Every change is audited. */
@Route("admin/users")
@PageTitle("Users · Burnrate")
@Menu(order = 90, title = "Admin · Users", icon = "vaadin:users")
@RolesAllowed(Role.Names.ADMIN)
public class UsersView extends VerticalLayout {

    private final UserService service;
    private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);
    private final Dialog dialog = new Dialog();
    private final UserForm form;

    public UsersView(UserService service) {
        this.service = service;
        this.form = new UserForm(service.findTeams());
        addClassName("users-view");
        setSizeFull();

        grid.setId("users-grid");
        grid.addColumn(UserSummary::username).setHeader("User").setSortable(true).setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.teams().stream().map(Team::name).collect(Collectors.joining(", "))).setHeader("Teams");
        grid.addComponentColumn(this::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::enableToggle).setHeader("").setAutoWidth(true);
        grid.addItemClickListener(click -> openEditor(click.getItem()));

        Button newUser = new Button("New user", VaadinIcon.PLUS.create(), click -> openEditor(null));
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextField teamName = new TextField();
        teamName.setPlaceholder("new-team-name");
        teamName.setId("new-team-name");
        Button newTeam = new Button("Add team", click -> addTeam(teamName));
        newTeam.setId("new-team");

        form.addSaveListener(this::save);
        form.addCloseListener(close -> dialog.close());
        dialog.add(form);
        dialog.setWidth("min(640px, 95vw)");

        add(new H2("Users"), new HorizontalLayout(newUser, teamName, newTeam), grid);
        refresh();
    }

    private void openEditor(UserSummary user) {
        if (user == null) {
            dialog.setHeaderTitle("New user");
            form.editNew();
        } else {
            dialog.setHeaderTitle("Edit " + user.username());
            form.edit(user);
        }
        dialog.open();
    }

    private void save(UserForm.SaveEvent event) {
        try {
            UserSummary saved = event.userId() == null ? service.create(event.draft())
                    : service.update(event.userId(), event.draft());
            dialog.close();
            refresh();
            notify("Saved user " + saved.username(), NotificationVariant.LUMO_SUCCESS);
        } catch (UserValidationException e) {
            form.showError(e.field(), e.getMessage());
        }
    }

    private void addTeam(TextField teamName) {
        try {
            Team team = service.createTeam(teamName.getValue(), null);
            teamName.clear();
            teamName.setInvalid(false);
            notify("Added team " + team.name(), NotificationVariant.LUMO_SUCCESS);
            form.setTeams(service.findTeams());
        } catch (UserValidationException e) {
            teamName.setInvalid(true);
            teamName.setErrorMessage(e.getMessage());
        }
    }

    private Span statusBadge(UserSummary user) {
        Span badge = new Span(user.enabled() ? "Active" : "Disabled");
        badge.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private Button enableToggle(UserSummary user) {
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", click -> {
            try {
                service.setEnabled(user.id(), !user.enabled());
                refresh();
            } catch (UserValidationException e) {
                notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return toggle;
    }

    private void refresh() {
        grid.setItems(service.findAll());
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
