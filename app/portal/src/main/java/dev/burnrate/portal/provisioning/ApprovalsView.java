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
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval queue for approvers (their teams), finance (requests a budget sent to them) and admins (any pending
 * request, to unblock it).
 */
@Route("approvals")
@PageTitle("Approvals · Burnrate")
@Menu(order = 32, title = "Approvals", icon = "vaadin:check-square-o")
@RolesAllowed({Role.Names.APPROVER, Role.Names.FINANCE, Role.Names.ADMIN})
public class ApprovalsView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ApprovalsView.class);
    /** How many requests the queue shows at first and adds with each "Load more". */
    static final int PAGE_SIZE = 20;

    private final ApprovalService service;
    private final BackgroundWork work;
    private final VerticalLayout queue = new VerticalLayout();
    private final Paragraph summary = new Paragraph();
    private final Button loadMore = new Button("Load more", e -> loadMore());
    private int shown;

    public ApprovalsView(ApprovalService service, BackgroundWork work) {
        this.service = service;
        this.work = work;
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

    /**
     * Records the verdict in the background: an approval that completes a request hands it to the provider, which
     * may take many seconds and must not hold the page's session lock. The outcome arrives by push.
     */
    private void decide(ApprovalCard.VerdictEvent event) {
        event.getSource().setEnabled(false);
        try {
            ViewTask.start(this, work, "the verdict", task -> {
                StoredRequest after = event.approve() ? service.approve(event.requestId(), event.comment())
                        : service.reject(event.requestId(), event.comment());
                return (event.approve() ? "Approved " : "Rejected ") + after.name() + ": "
                        + service.nextStep(after.id());
            }, message -> {
                Notification toast = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
                toast.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                toast.addClassName("verdict-toast");
                refresh();
            }, this::failed);
        } catch (BackgroundWork.Busy busy) {
            failed(busy);
        }
    }

    private void failed(Exception e) {
        if (!(e instanceof ApprovalConflict || e instanceof BackgroundWork.Busy)) {
            log.error("Recording a verdict failed", e);
        }
        String message = e instanceof ApprovalConflict || e instanceof BackgroundWork.Busy ? e.getMessage()
                : "The verdict was not recorded: " + e.getMessage();
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
        refresh();
    }
}
