package dev.burnrate.portal.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.security.oidc.OidcLogin;
import dev.burnrate.portal.security.oidc.OidcProperties;
import java.util.List;
import java.util.Map;

/**
 * The login page: the local form, and "Sign in with ..." when OIDC single sign-on is on. In demo mode it lists the
 * demo users.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Burnrate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** Why an SSO login was refused, by the code the OIDC failure handler puts into {@code ?sso=}. */
    private static final Map<String, String> SSO_MESSAGES = Map.of(
            "sso-no-group", "Your account at %s is in no group that Burnrate maps to a role. "
                    + "Ask an administrator to map one of your groups.",
            "sso-conflict", "The user name from %s belongs to another Burnrate account. Ask an administrator.",
            "sso-username", "%s sent no usable user name (2-64 lower-case letters, digits, '.', '_' or '-').",
            "sso-disabled", "Your Burnrate account is disabled. Ask an administrator.",
            "sso-failed", "Signing in with %s failed. Try again, or log in with your Burnrate password.");

    private final LoginForm login = new LoginForm();
    private final Div ssoError = new Div();
    private final String providerName;

    public LoginView(BurnrateProperties properties, OidcProperties oidc) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        H1 brand = new H1("Burnrate");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("The cost of your AI/ML infrastructure, before and after you click.");
        add(brand, tagline, login);
        providerName = oidc.providerName();
        if (oidc.enabled()) {
            // A plain link, not a route: the server redirects the browser to the identity provider.
            Anchor sso = new Anchor(OidcLogin.AUTHORIZATION_PATH, "Sign in with " + providerName);
            sso.setRouterIgnore(true);
            sso.setId("sso-login");
            sso.addClassName("sso-login");
            ssoError.setId("sso-error");
            ssoError.addClassName("sso-error");
            ssoError.setVisible(false);
            add(sso, ssoError);
        }
        if (properties.demo()) {
            Div hint = new Div();
            hint.addClassName("demo-hint");
            hint.setText("Demo mode: log in as admin, finance, approver or engineer (password = user name).");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            login.setError(true);
        }
        List<String> sso = parameters.getOrDefault("sso", List.of());
        if (!sso.isEmpty()) {
            String message = SSO_MESSAGES.getOrDefault(sso.getFirst(), SSO_MESSAGES.get("sso-failed"));
            ssoError.setText(message.formatted(providerName));
            ssoError.setVisible(true);
        }
    }
}
