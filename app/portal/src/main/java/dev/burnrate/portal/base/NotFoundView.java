package dev.burnrate.portal.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for unknown pages and for pages the user's roles do not allow: Vaadin's access control answers both
 * alike, so the portal does not reveal which admin pages exist.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private final Paragraph message = new Paragraph();

    public NotFoundView() {
        addClassName("not-found-view");
        message.setId("not-found-message");
        add(new H2("Page not available"), message, new Anchor("", "Back to the overview"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        message.setText("'" + event.getLocation().getPath() + "' does not exist, or your roles do not give access to it.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
