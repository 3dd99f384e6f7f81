package dev.burnrate.portal.api.token;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import dev.burnrate.portal.api.ApiScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A list of tokens (never their secrets): name, prefix, scopes, dates, last use and state, with a revoke button
 * that asks for confirmation. Used for personal tokens and for a service account's tokens.
 */
public class TokenGrid extends Grid<TokenSummary> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Consumer<TokenSummary> revoke;
    private final Supplier<List<TokenSummary>> source;

    /**
     * @param revoke revokes a token (after the user confirmed); the list reloads afterwards
     * @param source the tokens to show, read again on {@link #refresh()}
     */
    public TokenGrid(Clock clock, Consumer<TokenSummary> revoke, Supplier<List<TokenSummary>> source) {
        super(TokenSummary.class, false);
        this.clock = clock;
        this.revoke = revoke;
        this.source = source;
        addClassName("token-grid");
        addColumn(TokenSummary::name).setHeader("Name").setAutoWidth(true);
        addColumn(token -> token.prefix() + "…").setHeader("Prefix").setAutoWidth(true);
        addColumn(token -> token.scopes().stream().sorted().map(ApiScope::id).collect(Collectors.joining(", ")))
                .setHeader("Scopes").setAutoWidth(true);
        addColumn(token -> time(token.createdAt())).setHeader("Created").setAutoWidth(true);
        addColumn(token -> time(token.expiresAt())).setHeader("Expires").setAutoWidth(true);
        addColumn(token -> token.lastUsedAt() == null ? "never" : time(token.lastUsedAt()))
                .setHeader("Last used").setAutoWidth(true);
        addComponentColumn(this::stateBadge).setHeader("State").setAutoWidth(true);
        addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
        setAllRowsVisible(true);
    }

    public void refresh() {
        setItems(source.get());
    }

    private Span stateBadge(TokenSummary token) {
        TokenState state = TokenState.of(token, clock.instant());
        Span badge = new Span(state.label());
        badge.addClassName("token-state");
        badge.getElement().setAttribute("data-token-name", token.name());
        badge.getElement().getThemeList().add(state == TokenState.ACTIVE ? "badge success" : "badge contrast");
        return badge;
    }

    private Button revokeButton(TokenSummary token) {
        Button button = new Button("Revoke", click -> confirmRevoke(token));
        button.addClassName("token-revoke");
        button.getElement().setAttribute("aria-label", "Revoke " + token.name());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        button.setVisible(token.revokedAt() == null);
        return button;
    }

    private void confirmRevoke(TokenSummary token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("token-revoke-confirm");
        confirm.setHeader("Revoke \"" + token.name() + "\"?");
        confirm.setText("Scripts and pipelines using " + token.prefix() + "… stop working at once. This cannot be undone.");
        confirm.setCancelable(true);
        Button confirmButton = new Button("Revoke", click -> {
            confirm.close();
            revoke.accept(token);
            refresh();
        });
        confirmButton.setId("token-revoke-confirm-button");
        confirmButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setConfirmButton(confirmButton);
        confirm.open();
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
