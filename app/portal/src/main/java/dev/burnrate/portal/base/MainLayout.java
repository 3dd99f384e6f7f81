package dev.burnrate.portal.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.burnrate.portal.notification.NotificationBell;
import dev.burnrate.portal.notification.NotificationService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The frame around every view: a side navigation built from the views' {@code @Menu} annotations (Vaadin keeps
 * only the entries the user's roles may open), and a header with the user and a logout button.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, CurrentUser currentUser,
                      NotificationService notifications) {
        setPrimarySection(Section.DRAWER);
        Span brand = new Span("Burnrate");
        brand.addClassName("brand");
        Div drawerHeader = new Div(new Icon(VaadinIcon.FIRE), brand);
        drawerHeader.addClassName("drawer-header");
        addToDrawer(drawerHeader, new Scroller(navigation()));
        HorizontalLayout userArea = userArea(authentication, currentUser);
        userArea.addComponentAsFirst(new NotificationBell(notifications));
        addToNavbar(new DrawerToggle(), userArea);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private static HorizontalLayout userArea(AuthenticationContext authentication, CurrentUser currentUser) {
        Span user = new Span(currentUser.actor());
        user.setId("current-user");
        user.addClassName("current-user");
        Span roles = new Span(currentUser.roles().stream().map(Role::name).collect(Collectors.joining(", ")));
        roles.addClassName("current-roles");
        Button logout = new Button("Log out", new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout area = new HorizontalLayout(user, roles, logout);
        area.setAlignItems(FlexComponent.Alignment.CENTER);
        area.addClassName("user-area");
        return area;
    }
}
