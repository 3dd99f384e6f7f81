package dev.burnrate.portal.simulation;

import static dev.burnrate.portal.simulation.TrainingForm.number;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import dev.burnrate.portal.base.chart.EChart;
import dev.burnrate.portal.usage.VersionSummary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * The inference load read from usage data: which dataset, unit and rows, which days, and how a unit becomes
 * requests. A preview draws the curve, with its hours, mean and peak, before the run.
 */
class UsageLoadFields extends FormLayout {

    static final String ALL_ROWS = "(all rows)";
    private static final String REQUESTS = "REQUESTS";
    private static final String SHAPE = "SHAPE";
    /** Days the form reads by default: the last month of the dataset. */
    private static final int DEFAULT_DAYS = 30;

    private final UsageLoadCurves curves;
    /** The datasets with a version, read once when the form opens. */
    private final List<String> datasets;
    private final DoubleSupplier peakRps;
    private final DoubleSupplier tokensPerRequest;
    private final Select<String> dataset = new Select<>();
    private final ComboBox<String> unit = new ComboBox<>("Consumed unit");
    private final Select<String> filterColumn = new Select<>();
    private final ComboBox<String> filterValue = new ComboBox<>("Where it is");
    private final DatePicker from = new DatePicker("First day (UTC)");
    private final DatePicker to = new DatePicker("Last day (UTC)");
    private final RadioButtonGroup<String> scale = new RadioButtonGroup<>("A unit is");
    private final NumberField requestsPerUnit = number("Requests per unit", "usage-load-requests-per-unit");
    private final Button preview = new Button("Preview load");
    private final Span summary = new Span();
    private final EChart chart = new EChart();

    UsageLoadFields(UsageLoadCurves curves, DoubleSupplier peakRps, DoubleSupplier tokensPerRequest) {
        this.curves = curves;
        this.datasets = curves.datasets();
        this.peakRps = peakRps;
        this.tokensPerRequest = tokensPerRequest;
        setId("usage-load");
        dataset.setLabel("Dataset");
        dataset.setId("usage-load-dataset");
        dataset.setItems(datasets);
        dataset.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                datasetChosen(e.getValue());
            }
        });
        unit.setId("usage-load-unit");
        unit.setHelperText("e.g. Requests at the gateway, or Hours of the serving instances");
        unit.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                unitChosen(e.getValue());
            }
        });
        filterColumn.setLabel("Only rows by");
        filterColumn.setId("usage-load-filter-column");
        List<String> columns = new ArrayList<>(List.of(ALL_ROWS));
        columns.addAll(UsageLoad.FILTER_COLUMNS);
        filterColumn.setItems(columns);
        filterColumn.setValue(ALL_ROWS);
        filterColumn.addValueChangeListener(e -> filterColumnChosen(e.getValue()));
        filterValue.setId("usage-load-filter-value");
        filterValue.setEnabled(false);
        from.setId("usage-load-from");
        to.setId("usage-load-to");
        scale.setId("usage-load-scale");
        scale.setItems(REQUESTS, SHAPE);
        scale.setItemLabelGenerator(s -> s.equals(REQUESTS) ? "a number of requests"
                : "no request count: scale the curve to the peak requests/s");
        scale.addValueChangeListener(e -> requestsPerUnit.setVisible(REQUESTS.equals(e.getValue())));
        scale.setValue(SHAPE);
        requestsPerUnit.setHelperText("1 for requests; 1 / tokens per request for tokens");
        preview.setId("usage-load-preview");
        preview.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        preview.addClickListener(e -> preview());
        summary.setId("usage-load-summary");
        chart.setId("usage-load-chart");
        chart.setHeight("220px");
        chart.setVisible(false);
        add(dataset, unit, filterColumn, filterValue, from, to, scale, requestsPerUnit, preview, summary);
        add(chart, 4);
        setColspan(scale, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2), new ResponsiveStep("1000px", 4));
    }

    /** Picks the first dataset when none is chosen yet (not at construction: most runs never read usage data). */
    void activate() {
        if (dataset.getValue() == null && !datasets.isEmpty()) {
            dataset.setValue(datasets.getFirst());
            datasetChosen(dataset.getValue());
        }
    }

    boolean hasDatasets() {
        return !datasets.isEmpty();
    }

    /** The dataset's units, and its last month as the default days. */
    private void datasetChosen(String name) {
        summary.setText("");
        chart.setVisible(false);
        if (name == null) {
            return;
        }
        try {
            VersionSummary latest = curves.latest(name);
            unit.setItems(curves.consumedUnits(name));
            if (latest.to() != null) {
                LocalDate last = latest.to().minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate();
                LocalDate first = latest.from() == null ? last.minusDays(DEFAULT_DAYS - 1)
                        : max(last.minusDays(DEFAULT_DAYS - 1), latest.from().atZone(ZoneOffset.UTC).toLocalDate());
                from.setValue(first);
                to.setValue(last);
            }
            filterColumnChosen(filterColumn.getValue());
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Where the unit's name says how many requests it is, fills that in. */
    private void unitChosen(String name) {
        RequestsPerUnit.guess(name, tokensPerRequest.getAsDouble()).ifPresentOrElse(perUnit -> {
            scale.setValue(REQUESTS);
            requestsPerUnit.setValue(perUnit);
        }, () -> scale.setValue(SHAPE));
    }

    private void filterColumnChosen(String column) {
        boolean filtered = column != null && !ALL_ROWS.equals(column);
        filterValue.setEnabled(filtered);
        filterValue.clear();
        if (filtered && dataset.getValue() != null) {
            filterValue.setItems(curves.filterValues(dataset.getValue(), column));
        }
    }

    private void preview() {
        try {
            double[] rps = curves.requestsPerSecond(value(), peakRps.getAsDouble());
            double sum = 0;
            double peak = 0;
            for (double r : rps) {
                sum += r;
                peak = Math.max(peak, r);
            }
            summary.setText(String.format(Locale.ROOT, "%,d hours · mean %,.1f requests/s · peak %,.1f requests/s",
                    rps.length, sum / rps.length, peak));
            chart.setOption(SimulationCharts.loadCurve(rps, from.getValue()));
            chart.setVisible(true);
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
            chart.setVisible(false);
        }
    }

    UsageLoad value() {
        boolean filtered = filterColumn.getValue() != null && !ALL_ROWS.equals(filterColumn.getValue());
        Double perUnit = REQUESTS.equals(scale.getValue()) ? requestsPerUnit.getValue() : null;
        if (REQUESTS.equals(scale.getValue()) && perUnit == null) {
            throw new IllegalArgumentException("Requests per unit: enter a number.");
        }
        return new UsageLoad(dataset.getValue(), unit.getValue(), filtered ? filterColumn.getValue() : null,
                filtered ? filterValue.getValue() : null, from.getValue() == null ? null : from.getValue().toString(),
                to.getValue() == null ? null : to.getValue().toString(), perUnit);
    }

    void setValue(UsageLoad load) {
        summary.setText("");
        dataset.setValue(load.dataset());
        try {
            unit.setItems(curves.consumedUnits(load.dataset()));
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
        }
        unit.setValue(load.consumedUnit());
        filterColumn.setValue(load.filterColumn() == null ? ALL_ROWS : load.filterColumn());
        filterValue.setValue(load.filterValue());
        from.setValue(parse(load.fromDate()));
        to.setValue(parse(load.toDate()));
        scale.setValue(load.requestsPerUnit() == null ? SHAPE : REQUESTS);
        requestsPerUnit.setValue(load.requestsPerUnit());
    }

    private static LocalDate parse(String date) {
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
