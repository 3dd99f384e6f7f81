package dev.burnrate.portal.catalog;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import dev.burnrate.portal.plugin.CatalogFacets;
import dev.burnrate.portal.plugin.CatalogFilter;
import dev.burnrate.portal.plugin.ProviderSummary;

/** The catalog's filters. Fires a {@link FilterChangedEvent} with the new filter; it never calls a service. */
class CatalogFilterBar extends HorizontalLayout {

    /** The filter changed. */
    static class FilterChangedEvent extends ComponentEvent<CatalogFilterBar> {
        private final CatalogFilter filter;

        FilterChangedEvent(CatalogFilterBar source, CatalogFilter filter) {
            super(source, false);
            this.filter = filter;
        }

        CatalogFilter filter() {
            return filter;
        }
    }

    private final ComboBox<ProviderSummary> provider = new ComboBox<>("Provider");
    private final ComboBox<String> region = new ComboBox<>("Region");
    private final ComboBox<String> accelerator = new ComboBox<>("Accelerator");
    private final ComboBox<String> jurisdiction = new ComboBox<>("Jurisdiction");
    private final Checkbox hipaa = new Checkbox("HIPAA-eligible only");
    private final Checkbox accelerated = new Checkbox("Accelerators only");

    CatalogFilterBar() {
        provider.setId("filter-provider");
        provider.setItemLabelGenerator(ProviderSummary::displayName);
        region.setId("filter-region");
        accelerator.setId("filter-accelerator");
        jurisdiction.setId("filter-jurisdiction");
        hipaa.setId("filter-hipaa");
        accelerated.setId("filter-accelerated");
        provider.setClearButtonVisible(true);
        region.setClearButtonVisible(true);
        accelerator.setClearButtonVisible(true);
        jurisdiction.setClearButtonVisible(true);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        add(provider, region, accelerator, jurisdiction, hipaa, accelerated);
        provider.addValueChangeListener(e -> changed());
        region.addValueChangeListener(e -> changed());
        accelerator.addValueChangeListener(e -> changed());
        jurisdiction.addValueChangeListener(e -> changed());
        hipaa.addValueChangeListener(e -> changed());
        accelerated.addValueChangeListener(e -> changed());
    }

    void setFacets(CatalogFacets facets) {
        provider.setItems(facets.providers());
        region.setItems(facets.regions());
        accelerator.setItems(facets.accelerators());
        jurisdiction.setItems(facets.jurisdictions());
    }

    CatalogFilter filter() {
        return new CatalogFilter(provider.getValue() == null ? null : provider.getValue().providerId(),
                region.getValue(), accelerator.getValue(), jurisdiction.getValue(), hipaa.getValue(),
                accelerated.getValue());
    }

    Registration addFilterChangedListener(ComponentEventListener<FilterChangedEvent> listener) {
        return addListener(FilterChangedEvent.class, listener);
    }

    private void changed() {
        fireEvent(new FilterChangedEvent(this, filter()));
    }
}
