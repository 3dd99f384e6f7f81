package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.function.Function;

/**
 * The candidate offerings: filters by provider, region, accelerator and jurisdiction (CPU-only offerings on
 * request), with a live count of what matches, and how many of the feasible ones a training run simulates at most
 * (the cheapest; the results say how many more there were).
 */
class CandidatePicker extends VerticalLayout {

    private final ComboBox<String> provider = combo("Provider", "candidate-provider");
    private final ComboBox<String> region = combo("Region", "candidate-region");
    private final ComboBox<String> accelerator = combo("Accelerator", "candidate-accelerator");
    private final ComboBox<String> jurisdiction = combo("Jurisdiction", "candidate-jurisdiction");
    private final Checkbox includeCpu = new Checkbox("Include CPU-only offerings");
    private final IntegerField limit = new IntegerField("Simulate at most (feasible offerings)");
    private final Span count = new Span();
    private final Function<SimulationInputs.Candidates, Integer> counter;

    CandidatePicker(CandidateOptions options, Function<SimulationInputs.Candidates, Integer> counter) {
        this.counter = counter;
        setPadding(false);
        provider.setItems(options.providers());
        provider.setItemLabelGenerator(options::providerName);
        region.setItems(options.regions());
        accelerator.setItems(options.accelerators());
        jurisdiction.setItems(options.jurisdictions());
        includeCpu.setId("candidate-include-cpu");
        count.setId("candidate-count");
        limit.setId("candidate-limit");
        limit.setMin(1);
        limit.setMax(SimulationInputs.Candidates.MAX_SIMULATED);
        limit.setStepButtonsVisible(true);
        limit.setHelperText("the cheapest that can run the job; widen to include more");
        limit.addValueChangeListener(e -> updateCount());
        for (var field : List.of(provider, region, accelerator, jurisdiction)) {
            field.addValueChangeListener(e -> updateCount());
        }
        includeCpu.addValueChangeListener(e -> updateCount());
        HorizontalLayout filters = new HorizontalLayout(provider, region, accelerator, jurisdiction, includeCpu, limit);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, count);
        setValue(SimulationInputs.defaults().candidates());
    }

    void setValue(SimulationInputs.Candidates c) {
        provider.setValue(c.providerId());
        region.setValue(c.regionId());
        accelerator.setValue(c.accelerator());
        jurisdiction.setValue(c.jurisdiction());
        includeCpu.setValue(c.includeCpu());
        limit.setValue(c.maxSimulated());
        updateCount();
    }

    /** The filter; a missing or out-of-range limit is an {@link IllegalArgumentException} saying so. */
    SimulationInputs.Candidates value() {
        if (limit.getValue() == null || limit.isInvalid()) {
            throw new IllegalArgumentException("Simulate at most: enter 1 to "
                    + SimulationInputs.Candidates.MAX_SIMULATED + " offerings.");
        }
        return new SimulationInputs.Candidates(provider.getValue(), region.getValue(), accelerator.getValue(),
                jurisdiction.getValue(), includeCpu.getValue(), List.of(), limit.getValue());
    }

    private void updateCount() {
        SimulationInputs.Candidates filter;
        try {
            filter = value();
        } catch (IllegalArgumentException e) {
            count.setText(e.getMessage());
            return;
        }
        int matching = counter.apply(filter);
        count.setText(matching + " offerings match" + (matching > filter.maxSimulated()
                ? "; a training run simulates the " + filter.maxSimulated() + " cheapest that can run the job and"
                + " says how many more there are" : ""));
    }

    private static ComboBox<String> combo(String label, String id) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setId(id);
        box.setClearButtonVisible(true);
        box.setPlaceholder("any");
        return box;
    }
}
