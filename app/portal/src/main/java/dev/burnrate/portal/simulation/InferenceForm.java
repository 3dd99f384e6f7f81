package dev.burnrate.portal.simulation;

import static dev.burnrate.portal.simulation.TrainingForm.integer;
import static dev.burnrate.portal.simulation.TrainingForm.number;
import static dev.burnrate.portal.simulation.TrainingForm.required;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.burnrate.api.Precision;

/**
 * The inference service: its load (a daily cycle, or an hourly series from usage data), tokens per request, the
 * model, and the SLA headroom.
 */
class InferenceForm extends FormLayout {

    private static final String DAILY_CYCLE = "DAILY_CYCLE";
    private static final String USAGE_DATA = "USAGE_DATA";

    private final RadioButtonGroup<String> loadSource = new RadioButtonGroup<>("Load");
    private final UsageLoadFields usageLoad;
    private final NumberField trough = number("Night-time requests/s", "inference-trough");
    private final NumberField peak = number("Peak requests/s", "inference-peak");
    private final IntegerField days = integer("Days", "inference-days");
    private final NumberField tokensPerRequest = number("Tokens per request", "inference-tokens");
    private final NumberField parameters = number("Model parameters", "inference-parameters");
    private final Select<Precision> precision = new Select<>();
    private final NumberField computeUtilisation = number("Compute utilisation", "inference-compute-utilisation");
    private final IntegerField batch = integer("Batch (concurrent requests)", "inference-batch");
    private final NumberField utilisationTarget = number("SLA headroom: run instances at most at", "inference-headroom");
    private final NumberField spotShare = number("Spot share of the spot mix", "inference-spot-share");
    private final IntegerField minInstances = integer("Minimum instances", "inference-min-instances");

    InferenceForm(UsageLoadCurves curves) {
        setId("inference-form");
        usageLoad = new UsageLoadFields(curves, () -> valueOr(peak), () -> valueOr(tokensPerRequest));
        loadSource.setId("inference-load-source");
        loadSource.setItems(DAILY_CYCLE, USAGE_DATA);
        loadSource.setItemLabelGenerator(s -> s.equals(DAILY_CYCLE) ? "Daily cycle between night-time and peak"
                : "From usage data");
        loadSource.setItemEnabledProvider(s -> s.equals(DAILY_CYCLE) || usageLoad.hasDatasets());
        loadSource.addValueChangeListener(e -> showLoad());
        precision.setLabel("Precision");
        precision.setItems(Precision.values());
        add(loadSource, 4);
        add(usageLoad, 4);
        add(trough, peak, days, tokensPerRequest, parameters, precision, computeUtilisation, batch, utilisationTarget,
                spotShare, minInstances);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2), new ResponsiveStep("1000px", 4));
        setValue(SimulationInputs.Inference.defaults());
    }

    private void showLoad() {
        boolean fromUsage = USAGE_DATA.equals(loadSource.getValue());
        if (fromUsage) {
            usageLoad.activate();
        }
        usageLoad.setVisible(fromUsage);
        trough.setVisible(!fromUsage);
        days.setVisible(!fromUsage);
    }

    private static double valueOr(NumberField field) {
        return field.getValue() == null ? Double.NaN : field.getValue();
    }

    void setValue(SimulationInputs.Inference i) {
        if (i.usageLoad() != null) {
            usageLoad.setValue(i.usageLoad());
        }
        loadSource.setValue(i.usageLoad() == null ? DAILY_CYCLE : USAGE_DATA);
        trough.setValue(i.troughRps());
        peak.setValue(i.peakRps());
        days.setValue(i.days());
        tokensPerRequest.setValue(i.tokensPerRequest());
        parameters.setValue(i.parameters());
        precision.setValue(i.precision());
        computeUtilisation.setValue(i.computeUtilisation());
        batch.setValue(i.batch());
        utilisationTarget.setValue(i.utilisationTarget());
        spotShare.setValue(i.spotShare());
        minInstances.setValue(i.minInstances());
    }

    SimulationInputs.Inference value() {
        return new SimulationInputs.Inference(required(trough), required(peak), required(days),
                required(tokensPerRequest), required(parameters), precision.getValue(), required(computeUtilisation),
                required(batch), required(utilisationTarget), required(spotShare), required(minInstances),
                USAGE_DATA.equals(loadSource.getValue()) ? usageLoad.value() : null);
    }
}
