package dev.burnrate.portal.usage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.budget.Money;
import dev.burnrate.portal.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Usage > Datasets: upload a FOCUS file (CSV, Arrow IPC or Parquet) in strict or lenient mode and see its
 * validation report; browse each dataset's versions with lineage, tiers and totals; download a version as Arrow
 * IPC or CSV and the quarantined rows. Uploads, downloads and tier moves are for ADMIN and FINANCE.
 */
@Route("usage")
@PageTitle("Usage · Burnrate")
@Menu(order = 20, title = "Usage · Datasets", icon = "vaadin:database")
@PermitAll
public class UsageView extends VerticalLayout {


    private final UsageDatasetService datasets;
    private final UsageImportService imports;
    private final UsageTierService tiers;
    private final UsageExportService exports;
    private final BackgroundWork work;
    private final boolean manages;
    private final ImportReportPanel report = new ImportReportPanel();
    private final ImportProgressPanel progress = new ImportProgressPanel();
    /** The import whose progress the page shows (touched under the session lock only). */
    private Object currentImport;
    private final Select<String> dataset = new Select<>();
    private final Checkbox countsTowardBudgets = new Checkbox("Counts toward budgets");
    private Map<String, DatasetSummary> summaries = Map.of();
    private final Grid<VersionSummary> versions = new Grid<>(VersionSummary.class, false);
    private Map<String, List<CurrencyTotals>> totalsByVersion = Map.of();
    private final LineageChart lineage = new LineageChart();
    private final HorizontalLayout actions = new HorizontalLayout();
    private com.vaadin.flow.component.UI ui;

    public UsageView(UsageDatasetService datasets, UsageImportService imports, UsageTierService tiers,
                     UsageExportService exports, BackgroundWork work, CurrentUser currentUser) {
        this.datasets = datasets;
        this.imports = imports;
        this.tiers = tiers;
        this.exports = exports;
        this.work = work;
        this.manages = currentUser.seesAllTeams();
        setSizeFull();
        add(new H2("Usage datasets"));
        if (manages) {
            add(importForm(), progress, report);
        } else {
            add(new Paragraph("You see the rows of your teams; ADMIN and FINANCE import and manage datasets."));
        }
        dataset.setId("dataset-select");
        dataset.setLabel("Dataset");
        dataset.addValueChangeListener(e -> showVersions());
        configureVersions();
        actions.setId("version-actions");
        HorizontalLayout datasetBar = new HorizontalLayout(dataset);
        datasetBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (manages) {
            configureBudgetFlag();
            datasetBar.add(countsTowardBudgets);
        }
        add(new H3("Versions"), datasetBar, versions, actions, new H3("Lineage"), lineage);
        refreshDatasets(null);
        addAttachListener(e -> ui = e.getUI());
    }

    private VerticalLayout importForm() {
        TextField name = new TextField("Dataset");
        name.setId("import-dataset");
        name.setValue("focus");
        TextField tagKey = new TextField("Team tag key");
        tagKey.setId("import-team-tag");
        tagKey.setValue("team");
        RadioButtonGroup<ValidationMode> mode = new RadioButtonGroup<>("Validation");
        mode.setId("import-mode");
        mode.setItems(ValidationMode.values());
        mode.setItemLabelGenerator(m -> m == ValidationMode.STRICT ? "Strict: reject on any error"
                : "Lenient: import every row kept as found (NULLs stay null), quarantine the rest");
        // Lenient by default: a real export's deviations (a provider's NULL costs) must not drop or reject rows.
        mode.setValue(ValidationMode.LENIENT);
        RuleSeverities severities = new RuleSeverities();
        Upload upload = new Upload();
        // The upload handler runs in the upload request, as the signed-in user, without the session lock: it takes
        // the lock in this thread (accessSynchronously, not access, which may run the command in another thread
        // without the user's security context), so the import is queued on the portal's work pool as that user
        // (the service is authorised and team-scoped). It reports through push; the uploaded temporary file is
        // deleted when the import ends or is cancelled.
        upload.setUploadHandler(UploadHandler.toTempFile((meta, file) -> ui.accessSynchronously(() -> {
            upload.clearFileList();
            upload.setEnabled(false);
            report.setVisible(false);
            progress.start(meta.fileName());
            Object importing = new Object();
            currentImport = importing;
            Runnable ended = () -> {
                // Only the latest import may end the progress: a late end of an earlier one must not hide the
                // progress of the import now running.
                if (currentImport == importing) {
                    progress.finish();
                    upload.setEnabled(true);
                }
            };
            ImportJob job = new ImportJob(imports, file, meta.fileName(), name.getValue().trim(),
                    tagKey.getValue().trim(), mode.getValue(), severities.overrides(), progress,
                    (datasetName, result) -> {
                        report.show(meta.fileName(), result);
                        refreshDatasets(datasetName);
                    }, ended);
            try {
                ViewTask.start(this, work, "the import of " + meta.fileName(), job, none -> { }, e -> { },
                        () -> deleteQuietly(file));
            } catch (BackgroundWork.Busy busy) {
                ended.run();
                Notification.show(busy.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        })));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".arrow", ".arrows", ".feather", ".ipc", ".parquet");
        HorizontalLayout fields = new HorizontalLayout(name, tagKey, mode);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(new H3("Import a FOCUS file"), fields, severities, upload);
        form.setPadding(false);
        return form;
    }

    private void configureVersions() {
        versions.setId("versions-grid");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        versions.addColumn(VersionSummary::key).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> v.transform().name().toLowerCase()).setHeader("Made by").setAutoWidth(true);
        versions.addColumn(v -> v.sourceFileName() == null ? String.join(", ", v.parents()) : v.sourceFileName())
                .setHeader("Source / parents").setAutoWidth(true);
        versions.addColumn(VersionSummary::createdBy).setHeader("Who").setAutoWidth(true);
        versions.addColumn(VersionSummary::rows).setHeader("Rows").setAutoWidth(true);
        // Per billing currency, never added across currencies (a version's stored totals would).
        versions.addColumn(v -> money(v, CurrencyTotals::billedCost)).setHeader("Billed").setAutoWidth(true)
                .setKey("billed");
        versions.addColumn(v -> money(v, CurrencyTotals::effectiveCost) + (v.scopedTotals() ? " (your teams)" : ""))
                .setHeader("Effective").setAutoWidth(true).setKey("effective");
        versions.addColumn(v -> money(v, CurrencyTotals::listCost)).setHeader("List").setAutoWidth(true)
                .setKey("list");
        versions.addColumn(v -> v.from() == null ? "" : v.from().toString().substring(0, 10) + " .. "
                + v.to().toString().substring(0, 10)).setHeader("Period").setAutoWidth(true);
        versions.addColumn(v -> String.join(", ", v.providers())).setHeader("Providers").setAutoWidth(true);
        versions.addColumn(v -> v.tier().name().toLowerCase()).setHeader("Tier").setAutoWidth(true);
        versions.addColumn(VersionSummary::quarantinedRows).setHeader("Quarantined").setAutoWidth(true);
        versions.setAllRowsVisible(true);
        versions.addSelectionListener(e -> showActions(e.getFirstSelectedItem().orElse(null)));
    }

    /** ADMIN and FINANCE decide whether a dataset's spend counts toward budgets (audited by the service). */
    private void configureBudgetFlag() {
        countsTowardBudgets.setId("dataset-counts-toward-budgets");
        countsTowardBudgets.setHelperText("Off for a copy of spend that budgets already count, e.g. metered usage");
        countsTowardBudgets.addValueChangeListener(e -> {
            String name = dataset.getValue();
            if (!e.isFromClient() || name == null) {
                return;
            }
            datasets.setCountsTowardBudgets(name, e.getValue());
            Notification.show(name + (e.getValue() ? " now counts toward budgets" : " no longer counts toward budgets"));
            refreshDatasets(name);
        });
    }

    private void refreshDatasets(String select) {
        // Keeps the service's order: by name, as the database sorts it.
        summaries = datasets.datasets().stream().collect(Collectors.toMap(DatasetSummary::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        List<String> names = List.copyOf(summaries.keySet());
        dataset.setItems(names);
        if (select != null && names.contains(select)) {
            dataset.setValue(select);
        } else if (!names.isEmpty() && dataset.getValue() == null) {
            dataset.setValue(names.getFirst());
        } else {
            showVersions();
        }
    }

    private void showVersions() {
        DatasetSummary summary = dataset.getValue() == null ? null : summaries.get(dataset.getValue());
        countsTowardBudgets.setEnabled(summary != null);
        countsTowardBudgets.setValue(summary == null || summary.countsTowardBudgets());
        List<VersionSummary> list = dataset.getValue() == null ? List.of() : datasets.versions(dataset.getValue());
        Map<String, List<CurrencyTotals>> byVersion = new HashMap<>();
        list.forEach(v -> byVersion.put(v.key(), datasets.totalsByCurrency(v.key())));
        totalsByVersion = byVersion;
        versions.setItems(list);
        lineage.show(list);
        showActions(list.isEmpty() ? null : list.getLast());
        if (!list.isEmpty()) {
            versions.select(list.getLast());
        }
    }

    /** One of a version's costs in each of its currencies, side by side: "$1,234.50 · ¥1,200 JPY". */
    private String money(VersionSummary v, ToDoubleFunction<CurrencyTotals> cost) {
        List<CurrencyTotals> totals = totalsByVersion.getOrDefault(v.key(), List.of());
        Map<String, Double> byCurrency = new LinkedHashMap<>();
        totals.forEach(t -> byCurrency.put(t.currency(), cost.applyAsDouble(t)));
        return Money.each(byCurrency, "USD");
    }

    private void showActions(VersionSummary v) {
        actions.removeAll();
        if (v == null || !manages) {
            return;
        }
        actions.add(download("download-arrow", "Arrow IPC", v.key() + ".arrows",
                out -> exports.writeVersion(v.key(), UsageExportService.ExportFormat.ARROW, out)));
        actions.add(download("download-csv", "CSV", v.key() + ".csv",
                out -> exports.writeVersion(v.key(), UsageExportService.ExportFormat.CSV, out)));
        if (v.quarantinedRows() > 0) {
            actions.add(download("download-quarantine", "Quarantined rows", v.key() + "-quarantine.csv",
                    out -> exports.writeQuarantine(v.key(), out)));
        }
        Tier other = v.tier() == Tier.HOT ? Tier.COLD : Tier.HOT;
        Button move = new Button("Move to " + other.name().toLowerCase(), click -> {
            tiers.moveTier(v.key(), other);
            showVersions();
        });
        move.setId("move-tier");
        IntegerField days = new IntegerField();
        days.setId("tier-days");
        days.setValue(30);
        days.setSuffixComponent(new com.vaadin.flow.component.html.Span("days"));
        Button rule = new Button("Move older to cold", click -> {
            List<String> moved = tiers.applyTierRule(days.getValue() == null ? 30 : days.getValue());
            Notification.show(moved.size() + " version(s) moved to the cold tier");
            showVersions();
        });
        rule.setId("tier-rule");
        actions.add(move, days, rule);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    private static Anchor download(String id, String text, String fileName, Writer writer) {
        Anchor a = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName);
            writer.write(event.getOutputStream());
        }, "");
        a.add(VaadinIcon.DOWNLOAD.create(), new com.vaadin.flow.component.html.Span(" " + text));
        a.setId(id);
        return a;
    }

    private static void deleteQuietly(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException ignored) {
            // a temporary upload file; the OS cleans it up otherwise
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }
}
