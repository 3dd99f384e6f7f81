package dev.burnrate.portal.security;

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

/** The login page. In demo mode it lists the demo users. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Burnrate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(BurnrateProperties properties) {
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
        if (properties.demo()) {
            Div hint = new Div();
            hint.addClassName("demo-hint");
            hint.setText("Demo mode: log in as admin, finance, approver or engineer (password = user name).");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setError(true);
        }
    }
}
