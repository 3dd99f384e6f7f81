package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.budget.Money;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The inventory: what runs, its state, cost so far and owner; owners stop and delete their resources. */
@Route("resources")
@PageTitle("Resources · Burnrate")
@Menu(order = 34, title = "Resources", icon = "vaadin:server")
@PermitAll
public class ResourcesView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(ResourcesView.class);

    private final ResourceService service;
    private final CurrentUser currentUser;
    private final BackgroundWork work;
    private final Grid<StoredResource> grid = new Grid<>(StoredResource.class, false);

    public ResourcesView(ResourceService service, CurrentUser currentUser, BackgroundWork work) {
        this.service = service;
        this.currentUser = currentUser;
        this.work = work;
        addClassName("resources-view");
        setSizeFull();
        grid.setId("resources-grid");
        // The creation time is the name's second line: as a column of its own it pushed the table past a laptop
        // screen, where the frozen actions column covered it. Name and description share the width left by the
        // short columns and wrap, rather than being sized to their text: text-sized columns added up to more than
        // a laptop screen as soon as the font was a little wider.
        grid.addColumn(LitRenderer.<StoredResource>of("<div>${item.name}</div>"
                        + "<div class=\"resource-created\">created ${item.created} UTC</div>")
                .withProperty("name", StoredResource::name)
                .withProperty("created", r -> TIME.format(r.createdAt())))
                .setHeader("Name").setWidth("12em").setFlexGrow(1);
        grid.addColumn(StoredResource::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(StoredResource::owner).setHeader("Owner").setAutoWidth(true);
        // The description wraps instead of widening the grid, so cost and rate stay on a laptop screen.
        grid.addColumn(ResourcesView::what).setHeader("What").setWidth("14em").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(r -> OutcomeBadge.of(r.state().name())).setHeader("State").setAutoWidth(true);
        grid.addColumn(ResourcesView::rate).setHeader("Rate").setAutoWidth(true).setKey("rate");
        grid.addColumn(r -> Money.each(r.costToDate(), r.currency())).setHeader("Cost so far").setAutoWidth(true)
                .setKey("cost");
        // Frozen to the end: with a long name or a bucket's description the columns overflow a laptop screen, and
        // Stop and Delete were scrolled out of sight (and clipped, so a click on Stop could miss it).
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFrozenToEnd(true)
                .setKey("actions");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId("refresh-resources");
        HorizontalLayout tools = new HorizontalLayout(refresh);
        if (currentUser.hasRole(Role.ADMIN)) {
            Button meter = new Button("Meter now", VaadinIcon.TIMER.create());
            meter.setDisableOnClick(true);
            meter.addClickListener(click -> {
                try {
                    ViewTask.start(this, work, "metering", task -> service.meterNow(), metered -> {
                        meter.setEnabled(true);
                        refresh();
                    }, e -> {
                        meter.setEnabled(true);
                        actionFailed(e);
                    });
                } catch (BackgroundWork.Busy busy) {
                    meter.setEnabled(true);
                    actionFailed(busy);
                }
            });
            meter.setId("meter-now");
            tools.add(meter);
        }
        add(new H2("Resources"), tools, grid);
        refresh();
    }

    /** What the resource costs per hour now: nothing once it is deleted or failed to start. */
    private static String rate(StoredResource resource) {
        ResourceState state = resource.state();
        boolean gone = state == ResourceState.DELETED || state == ResourceState.FAILED;
        return gone ? "—" : Money.perHour(resource.hourlyCost(), resource.currency());
    }

    private HorizontalLayout actions(StoredResource resource) {
        HorizontalLayout actions = new HorizontalLayout();
        boolean mayChange = resource.owner().equals(currentUser.actor()) || currentUser.hasRole(Role.ADMIN);
        if (!mayChange || resource.state() == ResourceState.DELETED) {
            return actions;
        }
        if (resource.state() != ResourceState.STOPPED) {
            actions.add(action("Stop", "stop-" + resource.id(), r -> service.stop(r.id()), resource));
        }
        actions.add(action("Delete", "delete-" + resource.id(), r -> service.delete(r.id()), resource));
        return actions;
    }

    /** A stop or delete: the provider may take a while, so it runs in the background and the outcome is pushed. */
    private Button action(String label, String id, Function<StoredResource, StoredResource> change,
                          StoredResource resource) {
        Button button = new Button(label);
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            try {
                ViewTask.start(this, work, label.toLowerCase() + " of " + resource.name(),
                        task -> change.apply(resource), after -> {
                            Notification.show(after.name() + " is " + after.state().name().toLowerCase(), 3000,
                                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                            refresh();
                        }, this::actionFailed);
            } catch (BackgroundWork.Busy busy) {
                actionFailed(busy);
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, label.equals("Delete") ? ButtonVariant.LUMO_ERROR
                : ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void actionFailed(Exception e) {
        boolean expected = e instanceof ApprovalConflict || e instanceof BackgroundWork.Busy
                || e instanceof org.springframework.security.access.AccessDeniedException;
        if (!expected) {
            log.error("A resource action failed", e);
        }
        Notification.show(expected ? e.getMessage() : "The provider call failed: " + e.getMessage(), 6000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
        refresh();
    }

    private void refresh() {
        grid.setItems(service.list());
    }

    /** "2 × g5.12xlarge · aws/eu-central-1", or for a bucket "500 GB bucket · S3 Standard · aws/eu-central-1". */
    static String what(StoredResource r) {
        String storageClass = StorageOffering.storageClassOf(r.instanceType());
        String size = storageClass != null ? r.count() + " GB bucket · " + storageClass
                : r.count() + " × " + r.instanceType();
        return size + " · " + r.providerId() + "/" + r.regionId();
    }
}
