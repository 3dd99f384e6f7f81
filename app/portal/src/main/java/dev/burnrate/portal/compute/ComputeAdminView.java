package dev.burnrate.portal.compute;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.engine.kernel.BackendMeasurement;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Admin > Compute: the backends and their devices, the backend chosen for each kernel and why (calibrated at
 * start-up; overridable per kernel, audited), and the calibration measurements with achieved GFLOP/s beside the
 * device's fp32 peak (the hardware plugins' datasheet where one matches the device, else this CPU's derived peak).
 */
@Route("admin/compute")
@PageTitle("Compute · Burnrate")
@Menu(order = 92, title = "Admin · Compute", icon = "vaadin:cogs")
@RolesAllowed(Role.Names.ADMIN)
public class ComputeAdminView extends VerticalLayout {

    static final String AUTO = "auto (fastest)";

    private final ComputeService service;
    private final Paragraph summary = new Paragraph();
    private final Grid<ComputeStatus.Backend> backends = new Grid<>();
    private final Grid<Map.Entry<String, ComputeStatus.Choice>> choices = new Grid<>();
    private final Grid<BackendMeasurement> measurements = new Grid<>();
    private ComputeStatus status;

    public ComputeAdminView(ComputeService service, BackgroundWork work) {
        this.service = service;
        summary.setId("compute-summary");
        backends.setId("backends-grid");
        backends.setAllRowsVisible(true);
        backends.addThemeVariants(GridVariant.LUMO_COMPACT);
        backends.addColumn(ComputeStatus.Backend::id).setHeader("Backend").setAutoWidth(true);
        backends.addColumn(b -> b.plugin() ? "plugin" : "engine").setHeader("From").setAutoWidth(true);
        backends.addColumn(b -> b.available() ? "available" : "unavailable: " + b.reason()).setHeader("Status")
                .setFlexGrow(2);
        backends.addColumn(b -> b.devices().stream().map(d -> d.name() + " (" + d.type() + ", " + d.computeUnits()
                + " units)").collect(Collectors.joining("; "))).setHeader("Devices").setFlexGrow(3);
        backends.addColumn(b -> Double.isNaN(b.peakGflops()) ? "" : String.format(Locale.ROOT, "%,.0f GFLOP/s (%s)",
                b.peakGflops(), b.peakSource())).setHeader("fp32 peak").setFlexGrow(2);

        choices.setId("choices-grid");
        choices.setAllRowsVisible(true);
        choices.addThemeVariants(GridVariant.LUMO_COMPACT);
        choices.addColumn(Map.Entry::getKey).setHeader("Kernel").setAutoWidth(true);
        choices.addColumn(e -> e.getValue().backendId()).setHeader("Runs on").setAutoWidth(true);
        choices.addColumn(e -> e.getValue().reason()).setHeader("Why").setFlexGrow(2);
        choices.addComponentColumn(this::overrideBox).setHeader("Override").setAutoWidth(true);

        measurements.setId("measurements-grid");
        measurements.setAllRowsVisible(true);
        measurements.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        measurements.addColumn(BackendMeasurement::kernel).setHeader("Kernel").setAutoWidth(true);
        measurements.addColumn(BackendMeasurement::backendId).setHeader("Backend").setAutoWidth(true);
        measurements.addColumn(BackendMeasurement::probe).setHeader("Probe").setAutoWidth(true);
        measurements.addColumn(m -> m.succeeded() ? String.format(Locale.ROOT, "%.1f ms", m.seconds() * 1e3) : "")
                .setHeader("Best time").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        measurements.addColumn(m -> Double.isNaN(m.gflops()) ? "" : String.format(Locale.ROOT, "%.1f", m.gflops()))
                .setHeader("GFLOP/s").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        measurements.addColumn(this::shareOfPeak).setHeader("% of device fp32 peak")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        measurements.addColumn(m -> m.problem() == null ? "" : m.problem()).setHeader("Problem").setFlexGrow(2);

        Button recalibrate = new Button("Recalibrate", VaadinIcon.REFRESH.create());
        recalibrate.setId("recalibrate");
        // Measuring every backend takes seconds: in the background, with the result by push.
        recalibrate.setDisableOnClick(true);
        recalibrate.addClickListener(e -> {
            try {
                ViewTask.start(this, work, "the recalibration", task -> service.recalibrate(), status -> {
                    show(status);
                    recalibrate.setEnabled(true);
                }, failure -> {
                    recalibrate.setEnabled(true);
                    Notification.show("Recalibration failed: " + failure.getMessage(), 6000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            } catch (BackgroundWork.Busy busy) {
                recalibrate.setEnabled(true);
                Notification.show(busy.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        add(new H2("Compute backends"), summary, recalibrate, backends, new H3("Kernels"), choices,
                new H3("Calibration"), measurements);
        show(service.status());
    }

    private void show(ComputeStatus status) {
        this.status = status;
        summary.setText((status.calibratedAt() == null ? "Not calibrated yet (calibration runs at start-up)."
                : "Calibrated " + status.calibratedAt() + ".") + " This machine's fp32 peak: " + status.cpuPeak());
        backends.setItems(status.backends());
        choices.setItems(new ArrayList<>(status.choices().entrySet()));
        measurements.setItems(status.measurements());
    }

    /** Achieved GFLOP/s beside the peak of the backend's device (datasheet, or this CPU's derived peak). */
    private String shareOfPeak(BackendMeasurement m) {
        double peak = status.backends().stream().filter(b -> b.id().equals(m.backendId()))
                .mapToDouble(ComputeStatus.Backend::peakGflops).findFirst().orElse(Double.NaN);
        if (Double.isNaN(m.gflops()) || !(peak > 0)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100 * m.gflops() / peak);
    }

    private ComboBox<String> overrideBox(Map.Entry<String, ComputeStatus.Choice> entry) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("override-" + entry.getKey());
        List<String> items = new ArrayList<>();
        items.add(AUTO);
        items.addAll(service.backendIds());
        box.setItems(items);
        box.setValue(entry.getValue().override() == null ? AUTO : entry.getValue().override());
        box.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                show(service.override(entry.getKey(), AUTO.equals(e.getValue()) ? null : e.getValue()));
                Notification.show("Kernel " + entry.getKey() + ": " + e.getValue()).addThemeVariants(
                        NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return box;
    }
}
