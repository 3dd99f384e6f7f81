package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.burnrate.api.Precision;
import java.util.List;

/** The training workload: effort (GPU-hours on a reference accelerator, or 6·N·D), checkpoints, spot, deadline. */
class TrainingForm extends FormLayout {

    private final RadioButtonGroup<String> effort = new RadioButtonGroup<>("Effort");
    private final NumberField gpuHours = number("GPU-hours", "training-gpu-hours");
    private final ComboBox<String> reference = new ComboBox<>("on reference accelerator");
    private final NumberField parameters = number("Model parameters", "training-parameters");
    private final NumberField tokens = number("Training tokens", "training-tokens");
    private final NumberField utilisation = number("Model FLOP utilisation", "training-utilisation");
    private final Select<Precision> precision = new Select<>();
    private final IntegerField accelerators = integer("Accelerators in parallel", "training-accelerators");
    private final NumberField checkpointInterval = number("Checkpoint every (h)", "training-checkpoint");
    private final NumberField checkpointOverhead = number("Checkpoint takes (h)", "training-checkpoint-overhead");
    private final NumberField restart = number("Restart takes (h)", "training-restart");
    private final NumberField deadline = number("Deadline (h, 0 = none)", "training-deadline");
    private final NumberField confidence = number("Required P(meet deadline)", "training-confidence");
    private final NumberField interruptions = number("Spot interruptions per instance-hour", "training-interruptions");
    private final IntegerField maxInterruptions = integer("Fall back after interruptions", "training-max-interruptions");
    private final Checkbox commitmentReused = new Checkbox("Commitment reused by other work after the run");
    private final IntegerField scenarios = integer("Monte Carlo scenarios", "training-scenarios");
    private final NumberField seed = number("Seed", "training-seed");

    TrainingForm(List<String> referenceAccelerators) {
        setId("training-form");
        effort.setItems("GPU_HOURS", "MODEL_FLOPS");
        effort.setItemLabelGenerator(e -> e.equals("GPU_HOURS") ? "GPU-hours" : "Parameters x tokens (6·N·D)");
        effort.addValueChangeListener(e -> showEffort());
        reference.setItems(referenceAccelerators);
        reference.setId("training-reference");
        precision.setLabel("Precision");
        interruptions.setHelperText("For offerings whose provider publishes no rate");
        precision.setItems(Precision.values());
        add(effort, 2);
        add(gpuHours, reference, parameters, tokens, utilisation, precision, accelerators, checkpointInterval,
                checkpointOverhead, restart, deadline, confidence, interruptions, maxInterruptions, scenarios, seed);
        add(commitmentReused, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2), new ResponsiveStep("1000px", 4));
        setValue(SimulationInputs.Training.defaults());
    }

    void setValue(SimulationInputs.Training t) {
        effort.setValue(t.effort());
        gpuHours.setValue(t.gpuHours());
        reference.setValue(t.referenceAccelerator());
        parameters.setValue(t.parameters());
        tokens.setValue(t.tokens());
        utilisation.setValue(t.utilisation());
        precision.setValue(t.precision());
        accelerators.setValue(t.accelerators());
        checkpointInterval.setValue(t.checkpointIntervalHours());
        checkpointOverhead.setValue(t.checkpointOverheadHours());
        restart.setValue(t.restartHours());
        deadline.setValue(t.deadlineHours());
        confidence.setValue(t.deadlineConfidence());
        interruptions.setValue(t.interruptionsPerHour());
        maxInterruptions.setValue(t.maxInterruptions());
        commitmentReused.setValue(t.commitmentReused());
        scenarios.setValue(t.scenarios());
        seed.setValue((double) t.seed());
        showEffort();
    }

    /** The form's value; a missing field is an {@link IllegalArgumentException} naming it. */
    SimulationInputs.Training value() {
        return new SimulationInputs.Training(effort.getValue(), required(gpuHours), reference.getValue(),
                required(parameters), required(tokens), required(utilisation), precision.getValue(),
                required(accelerators), required(checkpointInterval), required(checkpointOverhead), required(restart),
                required(deadline), required(confidence), required(interruptions), required(maxInterruptions),
                commitmentReused.getValue(), required(scenarios), (long) required(seed));
    }

    private void showEffort() {
        boolean hours = "GPU_HOURS".equals(effort.getValue());
        gpuHours.setVisible(hours);
        reference.setVisible(hours);
        parameters.setVisible(!hours);
        tokens.setVisible(!hours);
        utilisation.setVisible(!hours);
    }

    static NumberField number(String label, String id) {
        NumberField field = new NumberField(label);
        field.setId(id);
        return field;
    }

    static IntegerField integer(String label, String id) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        return field;
    }

    static double required(NumberField field) {
        if (field.getValue() == null || field.isInvalid()) {
            throw new IllegalArgumentException(field.getLabel() + ": enter a number.");
        }
        return field.getValue();
    }

    static int required(IntegerField field) {
        if (field.getValue() == null || field.isInvalid()) {
            throw new IllegalArgumentException(field.getLabel() + ": enter a whole number.");
        }
        return field.getValue();
    }
}
