package dev.burnrate.portal.api.token;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * API tokens: every user creates tokens for scripts, pipelines and the CLI (the secret is shown once), sees when each
 * was last used, and revokes them. Tokens act as the user, narrowed to their scopes.
 */
@Route("tokens")
@PageTitle("API tokens · Burnrate")
@Menu(order = 85, title = "API tokens", icon = "vaadin:key")
@PermitAll
public class TokensView extends VerticalLayout {

    private final ApiTokenService service;
    private final TokenForm form;
    private final TokenGrid grid;

    public TokensView(ApiTokenService service, CurrentUser currentUser, Clock clock) {
        this.service = service;
        addClassName("tokens-view");
        this.form = new TokenForm(offeredScopes(currentUser), clock);
        this.grid = new TokenGrid(clock, this::revoke, service::mine);
        grid.setId("tokens-grid");
        form.addCreateListener(this::create);
        add(new H2("API tokens"),
                new Paragraph("A token lets a script, a CI pipeline or the burnrate CLI call the REST API as you "
                        + "(Authorization: Bearer <token>), limited to the scopes you give it. Your roles and teams "
                        + "still decide which data it sees."),
                new H3("New token"), form, new H3("Your tokens"), grid);
        refresh();
    }

    /** Only administrators may give a token the admin scope, so only they are offered it. */
    static Set<ApiScope> offeredScopes(CurrentUser currentUser) {
        Set<ApiScope> scopes = EnumSet.allOf(ApiScope.class);
        if (!currentUser.hasRole(Role.ADMIN)) {
            scopes.remove(ApiScope.ADMIN);
        }
        return scopes;
    }

    private void create(TokenForm.CreateEvent event) {
        try {
            CreatedToken created = service.create(event.name(), event.scopes(), event.expiresAt());
            form.reset();
            refresh();
            new TokenSecretDialog(created.token().name(), created.secret()).open();
        } catch (IllegalArgumentException e) {
            form.showProblems(e.getMessage());
        }
    }

    private void revoke(TokenSummary token) {
        service.revoke(token.id());
        Notification.show("Revoked " + token.name(), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        grid.refresh();
    }
}
