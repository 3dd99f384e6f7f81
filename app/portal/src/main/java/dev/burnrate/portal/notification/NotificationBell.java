package dev.burnrate.portal.notification;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The notification centre in the header: a bell with the unread count (refreshed on every navigation and every
 * 30 seconds), opening the latest notifications.
 */
public class NotificationBell extends Div implements AfterNavigationObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final NotificationService service;
    private final Span count = new Span();
    private Registration poll;

    public NotificationBell(NotificationService service) {
        this.service = service;
        addClassName("notification-bell");
        Button bell = new Button(VaadinIcon.BELL.create(), e -> open());
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setAriaLabel("Notifications");
        count.setId("notification-count");
        count.addClassName("notification-count");
        add(bell, count);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
        event.getUI().setPollInterval(30_000);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    private void refresh() {
        int unread = service.unreadCount();
        count.setText(unread == 0 ? "" : String.valueOf(unread));
        count.setVisible(unread > 0);
    }

    private void open() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Notifications");
        Div list = new Div();
        list.setId("notification-list");
        for (Notification n : service.recent(30)) {
            Div item = new Div();
            item.addClassName("notification-item");
            if (!n.read()) {
                item.addClassName("unread");
            }
            Span title = new Span(TIME.format(n.createdAt()) + " · " + n.title());
            title.addClassName("notification-title");
            item.add(title, new Paragraph(n.body()));
            if (n.link() != null) {
                item.add(new Anchor(n.link(), "Open"));
            }
            list.add(item);
        }
        if (list.getComponentCount() == 0) {
            list.add(new Paragraph("No notifications."));
        }
        Button markAll = new Button("Mark all read", e -> {
            service.markAllRead();
            refresh();
            dialog.close();
        });
        markAll.setId("mark-all-read");
        dialog.add(list);
        dialog.getFooter().add(markAll, new Button("Close", e -> dialog.close()));
        dialog.setWidth("min(640px, 95vw)");
        dialog.open();
    }
}
