package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The approval queue for approvers (their teams) and finance (requests a budget sent to them). */
@Route("approvals")
@PageTitle("Approvals · Burnrate")
@Menu(order = 32, title = "Approvals", icon = "vaadin:check-square-o")
@RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE})
public class ApprovalsView extends VerticalLayout {

    private final ApprovalService service;
    private final VerticalLayout queue = new VerticalLayout();

    public ApprovalsView(ApprovalService service) {
        this.service = service;
        addClassName("approvals-view");
        queue.setId("approval-queue");
        queue.setPadding(false);
        add(new H2("Approvals"), queue);
        refresh();
    }

    private void refresh() {
        queue.removeAll();
        List<PendingApproval> pending = service.queue();
        if (pending.isEmpty()) {
            Paragraph empty = new Paragraph("Nothing waits for your decision.");
            empty.setId("queue-empty");
            queue.add(empty);
        }
        for (PendingApproval item : pending) {
            ApprovalCard card = new ApprovalCard(item);
            card.addVerdictListener(this::decide);
            queue.add(card);
        }
    }

    private void decide(ApprovalCard.VerdictEvent event) {
        try {
            StoredRequest after = event.approve() ? service.approve(event.requestId(), event.comment())
                    : service.reject(event.requestId(), event.comment());
            Notification.show((event.approve() ? "Approved " : "Rejected ") + after.name() + ": now "
                            + after.state().name().toLowerCase().replace('_', ' '), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ApprovalConflict conflict) {
            Notification.show(conflict.getMessage(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
