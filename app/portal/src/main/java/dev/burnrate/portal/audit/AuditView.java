package dev.burnrate.portal.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Admin > Audit log: filter by user, action and time; verify the hash chain. Times are UTC. */
@Route("admin/audit")
@PageTitle("Audit log · Burnrate")
@Menu(order = 92, title = "Admin · Audit log", icon = "vaadin:archive")
@RolesAllowed(Role.Names.ADMIN)
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditService service;
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private final TextField actor = new TextField("User");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final Span chainStatus = new Span();

    public AuditView(AuditService service) {
        this.service = service;
        addClassName("audit-view");
        setSizeFull();

        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-action");
        action.setItems(service.actions());
        action.setClearButtonVisible(true);
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        Button verify = new Button("Verify chain", VaadinIcon.SHIELD.create(), click -> verify());
        verify.setId("verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        chainStatus.setId("chain-status");

        grid.setId("audit-grid");
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("Time (UTC)").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(e -> e.hash().substring(0, 12)).setHeader("Hash").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditView::details));

        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, verify, chainStatus);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit log"), filters, grid);
        refresh();
    }

    private void refresh() {
        AuditFilter filter = new AuditFilter(actor.getValue(), action.getValue(), utc(from.getValue()), utc(to.getValue()));
        grid.setItems(query -> service.find(filter, query.getOffset(), query.getLimit()).stream(),
                query -> service.count(filter));
    }

    private void verify() {
        ChainStatus status = service.verifyChain();
        chainStatus.getElement().getThemeList().clear();
        if (status.intact()) {
            chainStatus.setText("Chain intact (" + status.entries() + " entries)");
            chainStatus.getElement().getThemeList().add("badge success");
        } else {
            chainStatus.setText("Chain BROKEN" + (status.firstBrokenId() == null ? "" : " at entry #" + status.firstBrokenId())
                    + ": " + status.reason());
            chainStatus.getElement().getThemeList().add("badge error");
        }
    }

    private static VerticalLayout details(AuditEntry entry) {
        VerticalLayout details = new VerticalLayout();
        details.setPadding(false);
        details.add(new Span("Before"), new Pre(entry.beforeJson() == null ? "—" : entry.beforeJson()),
                new Span("After"), new Pre(entry.afterJson() == null ? "—" : entry.afterJson()),
                new Span("Hash " + entry.hash() + " · previous " + entry.prevHash()));
        return details;
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
