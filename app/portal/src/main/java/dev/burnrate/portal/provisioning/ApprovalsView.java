package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.button.Button;
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

/** The approval queue for approvers (their teams) and finance (requests a budget sent to them). */
@Route("approvals")
@PageTitle("Approvals · Burnrate")
@Menu(order = 32, title = "Approvals", icon = "vaadin:check-square-o")
@RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE})
public class ApprovalsView extends VerticalLayout {

    /** How many requests the queue shows at first and adds with each "Load more". */
    static final int PAGE_SIZE = 20;

    private final ApprovalService service;
    private final VerticalLayout queue = new VerticalLayout();
    private final Paragraph summary = new Paragraph();
    private final Button loadMore = new Button("Load more", e -> loadMore());
    private int shown;

    public ApprovalsView(ApprovalService service) {
        this.service = service;
        addClassName("approvals-view");
        queue.setId("approval-queue");
        queue.setPadding(false);
        summary.setId("queue-summary");
        loadMore.setId("queue-load-more");
        add(new H2("Approvals"), summary, queue, loadMore);
        refresh();
    }

    /** Shows the queue again from the top, as many requests as were shown (at least one page). */
    private void refresh() {
        queue.removeAll();
        int wanted = Math.min(Math.max(shown, PAGE_SIZE), ApprovalService.MAX_PAGE);
        shown = 0;
        show(service.queue(0, wanted));
    }

    private void loadMore() {
        show(service.queue(shown, PAGE_SIZE));
    }

    private void show(ApprovalQueuePage page) {
        for (PendingApproval item : page.items()) {
            ApprovalCard card = new ApprovalCard(item);
            card.addVerdictListener(this::decide);
            queue.add(card);
        }
        shown += page.items().size();
        if (page.total() == 0) {
            Paragraph empty = new Paragraph("Nothing waits for your decision.");
            empty.setId("queue-empty");
            queue.add(empty);
        }
        summary.setText(page.total() == 0 ? "" : "Showing " + shown + " of " + page.total()
                + " requests waiting for your decision, newest first.");
        loadMore.setVisible(page.hasMore());
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
