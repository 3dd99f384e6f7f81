package dev.burnrate.portal.usagesource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Admin > Usage sources: the billing-export and cost-API connectors plugins contribute, where their rows go, how
 * often they run, their run history with errors, and "Run now" (on the work pool; the result arrives by push).
 */
@Route("admin/usage-sources")
@PageTitle("Usage sources · Burnrate")
@Menu(order = 93, title = "Admin · Usage sources", icon = "vaadin:download")
@RolesAllowed(Role.Names.ADMIN)
public class UsageSourcesView extends VerticalLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UsageSourceService service;
    private final BackgroundWork work;
    private final Grid<UsageSourceSummary> sources = new Grid<>();
    private final Grid<UsageSourceRun> runs = new Grid<>();
    private final ComboBox<UsageSourceSummary> source = new ComboBox<>("Source");
    private final TextField dataset = new TextField("Dataset");
    private final TextField tagKey = new TextField("Team tag key (new dataset)");
    private final IntegerField interval = new IntegerField("Run every (minutes)");
    private final Checkbox enabled = new Checkbox("Run on schedule", true);
    private final Button runNow = new Button("Run now");

    public UsageSourcesView(UsageSourceService service, BackgroundWork work) {
        this.service = service;
        this.work = work;
        addClassName("usage-sources-view");
        source.setId("source-select");
        source.setItemLabelGenerator(s -> s.displayName() + " (" + s.sourceId() + ")");
        source.addValueChangeListener(e -> select(e.getValue()));
        dataset.setId("source-dataset");
        tagKey.setId("source-tag-key");
        tagKey.setPlaceholder("team");
        interval.setId("source-interval");
        interval.setMin(1);
        interval.setValue(60);
        enabled.setId("source-enabled");
        Button save = new Button("Save", e -> save());
        save.setId("source-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.setId("source-run-now");
        runNow.addClickListener(e -> runNow());
        Button remove = new Button("Remove", e -> remove());
        remove.setId("source-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout form = new HorizontalLayout(source, dataset, tagKey, interval, enabled, save, runNow, remove);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);

        sources.setId("sources-grid");
        sources.addColumn(UsageSourceSummary::displayName).setHeader("Source").setAutoWidth(true);
        sources.addColumn(UsageSourceSummary::pluginId).setHeader("Plugin").setAutoWidth(true);
        sources.addColumn(s -> s.config().map(UsageSourceConfig::dataset).orElse("not set up")).setHeader("Dataset")
                .setAutoWidth(true);
        sources.addColumn(s -> s.config().map(c -> (c.enabled() ? "every " + c.intervalMinutes() + " min" : "off"))
                .orElse("")).setHeader("Schedule");
        sources.addColumn(s -> s.available() ? "available" : "not available (plugin missing or stopped)")
                .setHeader("Plugin state").setAutoWidth(true);
        sources.addColumn(s -> s.lastRun().map(r -> r.status() + " " + TIME.format(r.startedAt())).orElse(""))
                .setHeader("Last run").setAutoWidth(true);
        sources.addColumn(s -> s.nextRun().map(TIME::format).orElse("")).setHeader("Next run").setAutoWidth(true);
        sources.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(source::setValue));
        sources.setAllRowsVisible(true);

        runs.setId("runs-grid");
        runs.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        runs.addColumn(r -> TIME.format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runs.addColumn(r -> r.trigger().name()).setHeader("Trigger").setAutoWidth(true);
        runs.addColumn(r -> r.status().name()).setHeader("Outcome").setAutoWidth(true);
        runs.addColumn(UsageSourceRun::rowsRead).setHeader("Rows").setAutoWidth(true);
        runs.addColumn(r -> r.versionKey() == null ? "" : r.versionKey()).setHeader("Version").setAutoWidth(true);
        runs.addColumn(UsageSourceRun::message).setHeader("Message").setFlexGrow(3);
        runs.addColumn(UsageSourceRun::runBy).setHeader("By").setAutoWidth(true);

        add(new H2("Usage sources"), new Paragraph("Connectors that bring billing exports and cost API rows into a "
                + "dataset. Each run is one import: its rows become a new version of the dataset, or, when the "
                + "source fails or validation refuses them, nothing is stored and the source delivers them again "
                + "next time. Plugins add sources; configure their settings under Admin · Plugins."),
                sources, form, new H3("Run history"), runs);
        refresh();
    }

    private void select(UsageSourceSummary s) {
        if (s == null) {
            runs.setItems();
            return;
        }
        // a source not set up yet starts from the defaults, not from the previously selected source's settings
        dataset.setValue(s.config().map(UsageSourceConfig::dataset).orElse(""));
        interval.setValue(s.config().map(UsageSourceConfig::intervalMinutes).orElse(60));
        enabled.setValue(s.config().map(UsageSourceConfig::enabled).orElse(true));
        runs.setItems(s.config().isPresent() ? service.runs(s.sourceId()) : java.util.List.of());
    }

    private void save() {
        UsageSourceSummary s = source.getValue();
        try {
            if (s == null) {
                throw new IllegalArgumentException("Choose a source");
            }
            service.configure(s.sourceId(), dataset.getValue(), tagKey.getValue(),
                    interval.getValue() == null ? 0 : interval.getValue(), enabled.getValue());
            notify("Saved", NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (IllegalArgumentException invalid) {
            notify(invalid.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void remove() {
        UsageSourceSummary s = source.getValue();
        try {
            if (s == null) {
                throw new IllegalArgumentException("Choose a source");
            }
            service.remove(s.sourceId());
            notify("Removed", NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (IllegalArgumentException invalid) {
            notify(invalid.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void runNow() {
        UsageSourceSummary s = source.getValue();
        if (s == null) {
            notify("Choose a source", NotificationVariant.LUMO_ERROR);
            return;
        }
        runNow.setEnabled(false);
        runNow.setText("Running…");
        try {
            ViewTask.start(this, work, "usage source run " + s.sourceId(), task -> service.runNow(s.sourceId()),
                    run -> {
                        ended();
                        notify(run.status() + ": " + run.message(), run.status().delivered()
                                ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
                        refresh();
                    },
                    failure -> {
                        ended();
                        notify(failure.getMessage(), NotificationVariant.LUMO_ERROR);
                    });
        } catch (BackgroundWork.Busy busy) {
            ended();
            notify(busy.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void ended() {
        runNow.setEnabled(true);
        runNow.setText("Run now");
    }

    private void refresh() {
        String selected = source.getValue() == null ? null : source.getValue().sourceId();
        var all = service.sources();
        sources.setItems(all);
        source.setItems(all);
        all.stream().filter(s -> s.sourceId().equals(selected)).findFirst().ifPresent(source::setValue);
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
