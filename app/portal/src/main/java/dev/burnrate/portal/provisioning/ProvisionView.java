package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.budget.Money;
import dev.burnrate.portal.placement.PlacementPanel;
import dev.burnrate.portal.placement.PlacementService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Self-service provisioning: pick a template, fill the form, watch the estimate and the policy preview change,
 * submit. The request id is generated when the form opens, so a double click submits one request. Submitting runs
 * in the background (the provider may take a while); the result arrives by push.
 */
@Route("provision")
@PageTitle("Provision · Burnrate")
@Menu(order = 30, title = "Provision", icon = "vaadin:rocket")
@RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
public class ProvisionView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ProvisionView.class);

    private final ProvisioningService service;
    private final CurrentUser currentUser;
    private final BackgroundWork work;
    private final ProvisionForm form = new ProvisionForm();
    private final PreviewPanel preview = new PreviewPanel();
    private final Div result = new Div();
    private final Grid<MyRequest> mine = new Grid<>(MyRequest.class, false);
    private final Button submit = new Button("Submit request");
    private final FormBinding binding;
    private String requestId = UUID.randomUUID().toString();
    private ViewTask previewing;

    public ProvisionView(ProvisioningService service, CurrentUser currentUser, BackgroundWork work,
                         PlacementService placements) {
        this.service = service;
        this.currentUser = currentUser;
        this.work = work;
        this.binding = new FormBinding(form, service, this::refreshPreview);
        addClassName("provision-view");
        setWidthFull();
        add(new H2("Provision"), templates(currentUser.actor()));
        if (service.providers().isEmpty()) {
            add(new Paragraph("No cloud provider plugin is loaded, so nothing can be provisioned yet."));
        }
        submit.addClickListener(click -> submit());
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        result.setId("result");
        VerticalLayout left = new VerticalLayout(form, submit, result);
        left.setPadding(false);
        HorizontalLayout body = new HorizontalLayout(left, preview);
        body.setWidthFull();
        body.setFlexGrow(2, left);
        body.setFlexGrow(1, preview);
        mine.setId("my-requests");
        mine.addColumn(r -> r.request().name()).setHeader("Name").setAutoWidth(true);
        mine.addColumn(r -> r.request().describe()).setHeader("What").setAutoWidth(true);
        mine.addColumn(r -> Money.of(r.request().expectedTotal(), r.request().estimateCurrency())).setHeader("Expected")
                .setAutoWidth(true);
        mine.addComponentColumn(r -> OutcomeBadge.of(r.displayedState())).setHeader("State").setAutoWidth(true);
        mine.addColumn(r -> r.request().failure() == null ? "" : r.request().failure()).setHeader("Detail");
        mine.setAllRowsVisible(true);
        add(body, new PlacementPanel(placements, work, form::draft, this::usePlacement), new H3("My requests"), mine);
        form.addChangeListener(e -> refreshPreview());
        choose(Template.GPU_TRAINING, currentUser.actor());
        refreshRequests();
    }

    /**
     * A recommendation's suggested request arrives as query parameters (team, provider, region, instance, count,
     * purchase): the form is prefilled with them and nothing else happens; the user reviews the estimate and the
     * policy preview and submits as usual.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String instance = first(query, "instance");
        if (instance == null) {
            return;
        }
        String owner = currentUser.actor();
        for (Template template : List.of(Template.GPU_TRAINING, Template.NOTEBOOK)) {
            choose(template, owner);
            if (binding.prefill(first(query, "team"), first(query, "provider"), first(query, "region"), instance)) {
                break;
            }
        }
        form.fill(() -> {
            try {
                String count = first(query, "count");
                if (count != null) {
                    form.count.setValue(Math.max(1, Integer.parseInt(count)));
                }
                String purchase = first(query, "purchase");
                if (purchase != null) {
                    // only the purchase option: whether the workload checkpoints is the user's to say (policies
                    // judge it), not the recommender's
                    form.purchaseOption.setValue(PurchaseOption.valueOf(purchase));
                }
            } catch (IllegalArgumentException ignored) {
                // a hand-edited link: the form keeps the template's value and the user fixes it
            }
        });
        refreshPreview();
    }

    /** A placement from the Placement panel, into the form: the user reviews its preview and submits as usual. */
    private void usePlacement(RequestDraft placed) {
        binding.prefill(placed.team(), placed.providerId(), placed.regionId(), placed.instanceType());
        form.fill(() -> {
            form.count.setValue(placed.count());
            if (placed.durationHours() != null) {
                // to the minute: the form shows hours
                form.durationHours.setValue(Math.round(placed.durationHours() * 60) / 60.0);
            }
        });
        refreshPreview();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private HorizontalLayout templates(String owner) {
        HorizontalLayout cards = new HorizontalLayout();
        cards.addClassName("template-cards");
        for (Template template : Template.values()) {
            Button card = new Button(template.title(), click -> choose(template, owner));
            card.setId("template-" + template.name().toLowerCase().replace('_', '-'));
            card.setTooltipText(template.description());
            cards.add(card);
        }
        return cards;
    }

    private void choose(Template template, String owner) {
        form.applyTemplate(template, owner);
        binding.fillChoices();
        requestId = UUID.randomUUID().toString();
        result.removeAll();
        refreshPreview();
    }

    /**
     * Recomputes the preview for the form as it is now. It asks the provider's catalog and the policies, so once
     * the page is shown it runs in the background (the newest change wins; an older preview is cancelled); the
     * first one, while the view is built, runs here.
     */
    private void refreshPreview() {
        if (previewing != null) {
            previewing.cancel();
        }
        if (getUI().isEmpty()) {
            binding.preview(preview);
            return;
        }
        RequestDraft draft = form.draft();
        try {
            previewing = ViewTask.start(this, work, "the preview", task -> service.preview(draft),
                    shown -> binding.show(preview, shown), e -> {
                        if (e instanceof DraftInvalid invalid) {
                            binding.incomplete(preview, invalid);
                        } else {
                            log.warn("Preview failed", e);
                            Notification.show("No preview: " + e.getMessage(), 5000, Notification.Position.MIDDLE)
                                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
                        }
                    });
        } catch (BackgroundWork.Busy busy) {
            previewing = null;
            Notification.show(busy.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * Hands the request to the work pool and returns at once: deciding it and (when allowed) the provider's call
     * may take many seconds and must not hold the page's session lock. The result arrives by push.
     */
    private void submit() {
        String id = requestId;
        RequestDraft draft = form.draft();
        result.removeAll();
        Paragraph pending = new Paragraph("Submitting…");
        pending.setId("result-pending");
        result.add(pending);
        try {
            ViewTask.start(this, work, "the request", task -> service.submit(id, draft), stored -> {
                showResult(stored);
                if (id.equals(requestId)) {
                    requestId = UUID.randomUUID().toString();
                }
                refreshRequests();
                submit.setEnabled(true);
            }, this::submitFailed);
        } catch (BackgroundWork.Busy busy) {
            submitFailed(busy);
        }
    }

    private void submitFailed(Exception e) {
        submit.setEnabled(true);
        result.removeAll();
        if (e instanceof DraftInvalid invalid) {
            form.showErrors(invalid.errors());
            result.add(new Paragraph("Please correct: " + invalid.getMessage()));
            return;
        }
        if (!(e instanceof BackgroundWork.Busy || e instanceof AccessDeniedException)) {
            log.error("Submitting request {} failed", requestId, e);
        }
        Paragraph message = new Paragraph(e instanceof BackgroundWork.Busy || e instanceof AccessDeniedException
                ? e.getMessage() : "The request was not submitted: " + e.getMessage() + " (see My requests for"
                + " whether it was stored)");
        message.setId("result-message");
        result.add(message);
    }

    private void showResult(StoredRequest stored) {
        result.removeAll();
        Span badge = OutcomeBadge.of(stored.state().name());
        badge.setId("result-state");
        String text = switch (stored.state()) {
            case DENIED -> "Denied. " + service.reasons(stored.id());
            case PENDING_APPROVAL -> "Sent for approval: it " + service.nextStep(stored.id()) + " "
                    + service.reasons(stored.id());
            case PROVISIONED -> "Provisioned as " + stored.resourceId() + ".";
            case FAILED -> "The provider did not create it: " + stored.failure();
            case UNKNOWN -> "Waiting for the provider to confirm: it did not give a definite answer in time. The "
                    + "budget stays reserved; Burnrate asks the provider again and shows the result here.";
            default -> stored.state().name().toLowerCase().replace('_', ' ') + ".";
        };
        Paragraph message = new Paragraph(text);
        message.setId("result-message");
        result.add(badge, message);
    }

    private void refreshRequests() {
        mine.setItems(service.myRequests());
    }
}
