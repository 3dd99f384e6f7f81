package dev.burnrate.portal.notification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserService;
import jakarta.annotation.security.RolesAllowed;

/** Admin > Webhooks: one signed webhook per team for its alerts. */
@Route("admin/webhooks")
@PageTitle("Webhooks · Burnrate")
@Menu(order = 94, title = "Admin · Webhooks", icon = "vaadin:connect")
@RolesAllowed(Role.Names.ADMIN)
public class WebhooksView extends VerticalLayout {

    private final WebhookService service;
    private final Grid<WebhookRepository.TeamWebhook> grid = new Grid<>(WebhookRepository.TeamWebhook.class, false);

    public WebhooksView(WebhookService service, UserService users) {
        this.service = service;
        addClassName("webhooks-view");
        ComboBox<Team> team = new ComboBox<>("Team", users.findTeams());
        team.setItemLabelGenerator(Team::name);
        team.setId("webhook-team");
        TextField url = new TextField("URL");
        url.setId("webhook-url");
        url.setWidth("28em");
        PasswordField secret = new PasswordField("Signing secret (16+ characters)");
        secret.setId("webhook-secret");
        Button save = new Button("Save", e -> {
            try {
                service.save(team.getValue() == null ? -1 : team.getValue().id(), url.getValue(), secret.getValue());
                secret.clear();
                Notification.show("Saved", 2000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (IllegalArgumentException | org.springframework.dao.DataAccessException invalid) {
                Notification.show(invalid.getMessage(), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(team, url, secret, save);
        form.setAlignItems(Alignment.BASELINE);
        grid.setId("webhooks-grid");
        grid.addColumn(WebhookRepository.TeamWebhook::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(WebhookRepository.TeamWebhook::url).setHeader("URL").setFlexGrow(1);
        grid.addColumn(w -> w.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        grid.addColumn(w -> service.deliveryCounts(w.id()).toString()).setHeader("Deliveries").setAutoWidth(true);
        grid.addComponentColumn(w -> new Button(w.enabled() ? "Disable" : "Enable", e -> {
            service.setEnabled(w.teamId(), !w.enabled());
            refresh();
        })).setAutoWidth(true);
        add(new H2("Webhooks"), new Paragraph("Alerts of a team are POSTed as JSON to its URL with the headers "
                + WebhookSigner.SIGNATURE_HEADER + " (sha256=HMAC of \"<timestamp>.<body>\" with the secret), "
                + WebhookSigner.TIMESTAMP_HEADER + " and " + WebhookSigner.DELIVERY_HEADER
                + "; failures are retried with back-off."), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(service.list());
    }
}
