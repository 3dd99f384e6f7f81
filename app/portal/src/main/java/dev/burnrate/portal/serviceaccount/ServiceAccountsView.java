package dev.burnrate.portal.serviceaccount;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.api.token.CreatedToken;
import dev.burnrate.portal.api.token.TokenForm;
import dev.burnrate.portal.api.token.TokenGrid;
import dev.burnrate.portal.api.token.TokenSecretDialog;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserValidationException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admin > Service accounts, beside Admin > Users: accounts for pipelines and tools, with roles and teams like a
 * user but no password; the admin creates and revokes their tokens (each secret shown once) and disables them.
 */
@Route("admin/service-accounts")
@PageTitle("Service accounts · Burnrate")
@Menu(order = 90.5, title = "Admin · Service accounts", icon = "vaadin:automation")
@RolesAllowed(Role.Names.ADMIN)
public class ServiceAccountsView extends VerticalLayout {

    private final ServiceAccountService service;
    private final Clock clock;
    private final Grid<ServiceAccount> grid = new Grid<>(ServiceAccount.class, false);
    private final Dialog editor = new Dialog();
    private final ServiceAccountForm form;

    public ServiceAccountsView(ServiceAccountService service, Clock clock) {
        this.service = service;
        this.clock = clock;
        addClassName("service-accounts-view");
        setSizeFull();
        form = new ServiceAccountForm(service.findTeams(), this::save, editor::close);
        editor.add(form);
        editor.setWidth("min(640px, 95vw)");

        grid.setId("service-accounts-grid");
        grid.addColumn(ServiceAccount::username).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ServiceAccount::displayName).setHeader("Description").setAutoWidth(true);
        grid.addColumn(a -> a.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(a -> a.teams().stream().map(Team::name).collect(Collectors.joining(", "))).setHeader("Teams");
        grid.addComponentColumn(this::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);

        Button create = new Button("New service account", VaadinIcon.PLUS.create(), click -> {
            editor.setHeaderTitle("New service account");
            form.editNew();
            editor.open();
        });
        create.setId("new-service-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Service accounts"), new Paragraph("Accounts for pipelines and tools. They act only through API "
                + "tokens (no password, no interactive login), with the roles and teams given here."), create, grid);
        refresh();
    }

    private void save(Long id, ServiceAccountDraft draft) {
        try {
            ServiceAccount saved = id == null ? service.create(draft) : service.update(id, draft);
            editor.close();
            refresh();
            notify("Saved service account " + saved.username(), NotificationVariant.LUMO_SUCCESS);
        } catch (UserValidationException e) {
            form.showError(e.field(), e.getMessage());
        }
    }

    private HorizontalLayout actions(ServiceAccount account) {
        Button edit = new Button("Edit", click -> {
            editor.setHeaderTitle("Edit " + account.username());
            form.edit(account);
            editor.open();
        });
        Button tokens = new Button("Tokens", click -> openTokens(account));
        tokens.addClassName("service-account-tokens");
        Button toggle = new Button(account.enabled() ? "Disable" : "Enable", click -> {
            service.setEnabled(account.id(), !account.enabled());
            refresh();
        });
        toggle.addClassName("service-account-toggle");
        for (Button button : new Button[] {edit, tokens, toggle}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            button.getElement().setAttribute("aria-label", button.getText() + " " + account.username());
        }
        return new HorizontalLayout(edit, tokens, toggle);
    }

    /** The account's tokens and a form for a new one; the admin scope only for accounts with the ADMIN role. */
    private void openTokens(ServiceAccount account) {
        Dialog dialog = new Dialog();
        dialog.setId("service-account-tokens-dialog");
        dialog.setHeaderTitle("Tokens of " + account.username());
        dialog.setWidth("min(1100px, 95vw)");
        Set<ApiScope> offered = EnumSet.allOf(ApiScope.class);
        if (!account.roles().contains(Role.ADMIN)) {
            offered.remove(ApiScope.ADMIN);
        }
        TokenGrid tokens = new TokenGrid(clock, token -> {
            service.revokeToken(account.id(), token.id());
            notify("Revoked " + token.name(), NotificationVariant.LUMO_SUCCESS);
        }, () -> service.tokens(account.id()));
        tokens.setId("service-account-tokens-grid");
        TokenForm tokenForm = new TokenForm(offered, clock);
        tokenForm.addCreateListener(event -> {
            try {
                CreatedToken created = service.createToken(account.id(), event.name(), event.scopes(), event.expiresAt());
                tokenForm.reset();
                tokens.refresh();
                new TokenSecretDialog(created.token().name(), created.secret()).open();
            } catch (IllegalArgumentException e) {
                tokenForm.showProblems(e.getMessage());
            }
        });
        if (!account.enabled()) {
            tokenForm.setEnabled(false);
        }
        dialog.add(new H3("New token"), tokenForm, new H3("Tokens"), tokens);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                dialog.removeFromParent();
            }
        });
        dialog.open();
        tokens.refresh();
    }

    private Span statusBadge(ServiceAccount account) {
        Span badge = new Span(account.enabled() ? "Active" : "Disabled");
        badge.addClassName("service-account-status");
        badge.getElement().setAttribute("data-account", account.username());
        badge.getElement().getThemeList().add(account.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private void refresh() {
        grid.setItems(service.findAll());
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
