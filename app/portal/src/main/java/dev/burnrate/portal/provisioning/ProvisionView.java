package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.budget.Money;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/**
 * Self-service provisioning: pick a template, fill the form, watch the estimate and the policy preview change,
 * submit. The request id is generated when the form opens, so a double click submits one request.
 */
@Route("provision")
@PageTitle("Provision · Burnrate")
@Menu(order = 30, title = "Provision", icon = "vaadin:rocket")
@RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
public class ProvisionView extends VerticalLayout {

    private final ProvisioningService service;
    private final ProvisionForm form = new ProvisionForm();
    private final PreviewPanel preview = new PreviewPanel();
    private final Div result = new Div();
    private final Grid<StoredRequest> mine = new Grid<>(StoredRequest.class, false);
    private final Button submit = new Button("Submit request");
    private final FormBinding binding;
    private String requestId = UUID.randomUUID().toString();

    public ProvisionView(ProvisioningService service, CurrentUser currentUser) {
        this.service = service;
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
        mine.addColumn(StoredRequest::name).setHeader("Name").setAutoWidth(true);
        mine.addColumn(StoredRequest::describe).setHeader("What").setAutoWidth(true);
        mine.addColumn(r -> Money.of(r.expectedTotal(), r.estimateCurrency())).setHeader("Expected").setAutoWidth(true);
        mine.addComponentColumn(r -> OutcomeBadge.of(r.state().name())).setHeader("State").setAutoWidth(true);
        mine.addColumn(r -> r.failure() == null ? "" : r.failure()).setHeader("Detail");
        mine.setAllRowsVisible(true);
        add(body, new H3("My requests"), mine);
        form.addChangeListener(e -> refreshPreview());
        choose(Template.GPU_TRAINING, currentUser.actor());
        refreshRequests();
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

    private void refreshPreview() {
        binding.preview(preview);
    }

    private void submit() {
        try {
            StoredRequest stored = service.submit(requestId, form.draft());
            showResult(stored);
            requestId = UUID.randomUUID().toString();
            refreshRequests();
        } catch (DraftInvalid invalid) {
            form.showErrors(invalid.errors());
            result.removeAll();
            result.add(new Paragraph("Please correct: " + invalid.getMessage()));
        } finally {
            submit.setEnabled(true);
        }
    }

    private void showResult(StoredRequest stored) {
        result.removeAll();
        Span badge = OutcomeBadge.of(stored.state().name());
        badge.setId("result-state");
        String text = switch (stored.state()) {
            case DENIED -> "Denied. " + service.reasons(stored.id());
            case PENDING_APPROVAL -> "Sent for approval (" + (stored.needsFinance() ? "approver and finance"
                    : "approver") + "). " + service.reasons(stored.id());
            case PROVISIONED -> "Provisioned as " + stored.resourceId() + ".";
            case FAILED -> "The provider did not create it: " + stored.failure();
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
