package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.Function;

/**
 * The candidate offerings: filters by provider, region, accelerator and jurisdiction (CPU-only offerings on
 * request), with a live count of what matches.
 */
class CandidatePicker extends VerticalLayout {

    private final ComboBox<String> provider = combo("Provider", "candidate-provider");
    private final ComboBox<String> region = combo("Region", "candidate-region");
    private final ComboBox<String> accelerator = combo("Accelerator", "candidate-accelerator");
    private final ComboBox<String> jurisdiction = combo("Jurisdiction", "candidate-jurisdiction");
    private final Checkbox includeCpu = new Checkbox("Include CPU-only offerings");
    private final Span count = new Span();
    private final Function<SimulationInputs.Candidates, Integer> counter;

    CandidatePicker(CandidateOptions options, Function<SimulationInputs.Candidates, Integer> counter) {
        this.counter = counter;
        setPadding(false);
        provider.setItems(options.providers());
        region.setItems(options.regions());
        accelerator.setItems(options.accelerators());
        jurisdiction.setItems(options.jurisdictions());
        includeCpu.setId("candidate-include-cpu");
        count.setId("candidate-count");
        for (var field : List.of(provider, region, accelerator, jurisdiction)) {
            field.addValueChangeListener(e -> updateCount());
        }
        includeCpu.addValueChangeListener(e -> updateCount());
        HorizontalLayout filters = new HorizontalLayout(provider, region, accelerator, jurisdiction, includeCpu);
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
        updateCount();
    }

    SimulationInputs.Candidates value() {
        return new SimulationInputs.Candidates(provider.getValue(), region.getValue(), accelerator.getValue(),
                jurisdiction.getValue(), includeCpu.getValue(), List.of());
    }

    private void updateCount() {
        int matching = counter.apply(value());
        count.setText(matching + " offerings match" + (matching > SimulationService.MAX_CANDIDATES
                ? "; the " + SimulationService.MAX_CANDIDATES + " cheapest on-demand are compared" : ""));
    }

    private static ComboBox<String> combo(String label, String id) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setId(id);
        box.setClearButtonVisible(true);
        box.setPlaceholder("any");
        return box;
    }
}
