package dev.burnrate.portal.notification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.provisioning.OutcomeBadge;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What continuous evaluation found: policy violations by running resources and budget thresholds crossed. */
@Route("alerts")
@PageTitle("Alerts · Burnrate")
@Menu(order = 38, title = "Alerts", icon = "vaadin:warning")
@PermitAll
public class AlertsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final AlertService service;
    private final Grid<AlertRepository.StoredAlert> grid = new Grid<>(AlertRepository.StoredAlert.class, false);

    public AlertsView(AlertService service, CurrentUser currentUser, BackgroundWork work) {
        this.service = service;
        addClassName("alerts-view");
        setSizeFull();
        grid.setId("alerts-grid");
        grid.addColumn(a -> TIME.format(a.raisedAt())).setHeader("Raised (UTC)").setAutoWidth(true);
        grid.addComponentColumn(a -> OutcomeBadge.of(a.severity())).setHeader("Severity").setAutoWidth(true);
        grid.addColumn(a -> a.kind().replace('_', ' ').toLowerCase()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(a -> a.team() == null ? "all" : a.team()).setHeader("Team").setAutoWidth(true);
        grid.addColumn(a -> a.policyId() == null ? "" : a.policyId()
                + (a.policyVersion() == null ? "" : " v" + a.policyVersion()) + " / " + a.ruleId()).setHeader("Policy / rule").setAutoWidth(true);
        grid.addColumn(AlertRepository.StoredAlert::message).setHeader("Message").setFlexGrow(1);
        grid.addColumn(a -> a.resolvedAt() == null ? "open" : "resolved " + TIME.format(a.resolvedAt()))
                .setHeader("Status").setAutoWidth(true);
        add(new H2("Alerts"));
        if (currentUser.hasRole(Role.ADMIN)) {
            add(checkNowButton(work));
        }
        add(grid);
        refresh();
    }

    /**
     * Checks every policy against what runs now. That reads the inventory and usage of every team and can take
     * seconds: in the background, with the result by push, so the page stays responsive.
     */
    private Button checkNowButton(BackgroundWork work) {
        Button scan = new Button("Check now", VaadinIcon.REFRESH.create());
        scan.setId("scan-now");
        scan.setDisableOnClick(true);
        scan.addClickListener(e -> {
            try {
                ViewTask.start(this, work, "the alert check", task -> service.scanNow(), raised -> {
                    scan.setEnabled(true);
                    Notification.show(raised.map(count -> count + " new alert(s)")
                            .orElse("Another portal is checking right now; this check runs once it is done"),
                            3000, Notification.Position.BOTTOM_START);
                    refresh();
                }, failure -> {
                    scan.setEnabled(true);
                    Notification.show("The check failed: " + failure.getMessage(), 6000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            } catch (BackgroundWork.Busy busy) {
                scan.setEnabled(true);
                Notification.show(busy.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return scan;
    }

    private void refresh() {
        grid.setItems(service.recent(200));
    }
}
