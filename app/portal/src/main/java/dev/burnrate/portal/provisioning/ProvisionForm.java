package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.portal.budget.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request form. It only holds values: the view fills the choices (teams, providers, regions, offerings) and
 * listens for {@link ChangeEvent}s to refresh the estimate and policy preview.
 */
public class ProvisionForm extends FormLayout {

    final ComboBox<String> team = new ComboBox<>("Team");
    final TextField project = new TextField("Project");
    final TextField name = new TextField("Name");
    final ComboBox<ProviderCatalog.ProviderOption> provider = new ComboBox<>("Provider");
    final ComboBox<Region> region = new ComboBox<>("Region");
    final ComboBox<Offering> offering = new ComboBox<>("Instance type");
    final IntegerField count = new IntegerField("Instances");
    final Select<PurchaseOption> purchaseOption = new Select<>();
    final NumberField durationHours = new NumberField("Duration (hours, empty = until stopped)");
    final Select<String> dataClassification = new Select<>();
    final TextArea tags = new TextArea("Tags (key=value, one per line)");
    final Checkbox encrypted = new Checkbox("Encrypted at rest and in transit");
    final Checkbox privateNetwork = new Checkbox("Private network (no public IPs)");
    final Checkbox checkpointing = new Checkbox("Checkpoints (survives interruptions)");
    final Checkbox deadlineCritical = new Checkbox("Deadline-critical");
    private Template template = Template.GPU_TRAINING;
    private boolean filling;

    /** Fired when any value changes (not while the view fills choices in). */
    public static class ChangeEvent extends ComponentEvent<ProvisionForm> {
        ChangeEvent(ProvisionForm source) {
            super(source, false);
        }
    }

    public ProvisionForm() {
        addClassName("provision-form");
        ids();
        provider.setItemLabelGenerator(p -> p.name() + " (" + p.id() + ")");
        region.setItemLabelGenerator(r -> r.id() + " · " + r.name() + " · " + r.jurisdiction());
        offering.setItemLabelGenerator(ProvisionForm::describe);
        count.setMin(1);
        count.setMax(DraftValidator.MAX_COUNT);
        count.setStepButtonsVisible(true);
        purchaseOption.setLabel("Purchase option");
        purchaseOption.setItems(PurchaseOption.values());
        dataClassification.setLabel("Data classification");
        dataClassification.setItems(DraftValidator.CLASSIFICATIONS);
        durationHours.setMin(0);
        project.setValueChangeMode(ValueChangeMode.LAZY);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        // multi-line: sync when the user leaves the field, not on every pause while typing
        tags.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        add(team, project, name, provider, region, offering, count, purchaseOption, durationHours,
                dataClassification, tags, encrypted, privateNetwork, checkpointing, deadlineCritical);
        setColspan(offering, 2);
        setColspan(tags, 2);
        // provider and region changes reload the choices below them first (FormBinding), then ask for a preview
        List.<AbstractField<?, ?>>of(team, project, name, offering, count, purchaseOption,
                durationHours, dataClassification, tags, encrypted, privateNetwork, checkpointing, deadlineCritical)
                .forEach(field -> field.addValueChangeListener(e -> {
                    if (!filling) {
                        fireEvent(new ChangeEvent(this));
                    }
                }));
    }

    private void ids() {
        team.setId("team");
        project.setId("project");
        name.setId("name");
        provider.setId("provider");
        region.setId("region");
        offering.setId("offering");
        count.setId("count");
        purchaseOption.setId("purchase-option");
        durationHours.setId("duration-hours");
        dataClassification.setId("data-classification");
        tags.setId("tags");
        encrypted.setId("encrypted");
        privateNetwork.setId("private-network");
        checkpointing.setId("checkpointing");
        deadlineCritical.setId("deadline-critical");
    }

    static String describe(Offering o) {
        if (StorageOffering.isStorage(o)) {
            return StorageOffering.storageClassOf(o.instanceType()) + " · "
                    + String.format(java.util.Locale.ROOT, "$%.4f per GB-month",
                    o.prices().onDemand() * StorageOffering.HOURS_PER_MONTH);
        }
        String hardware = o.hasAccelerator() ? o.acceleratorCount() + "× " + o.acceleratorName()
                : (int) o.vcpus() + " vCPU";
        return o.instanceType() + " · " + hardware + " · " + (int) o.memoryGib() + " GiB · "
                + Money.perHour(o.prices().onDemand(), o.prices().currency());
    }

    /** Runs a change to the form's choices without firing change events for each field. */
    public void fill(Runnable change) {
        boolean was = filling;
        filling = true;
        try {
            change.run();
        } finally {
            filling = was;
        }
    }

    /** Resets the fields to a template's defaults. */
    public void applyTemplate(Template chosen, String owner) {
        fill(() -> {
            template = chosen;
            boolean storage = chosen.isStorage();
            // A bucket is a storage class and a capacity: no purchase option, duration, network or checkpoints.
            offering.setLabel(storage ? "Storage class" : "Instance type");
            count.setLabel(storage ? "Capacity (GB)" : "Instances");
            count.setMax(storage ? DraftValidator.MAX_CAPACITY_GB : DraftValidator.MAX_COUNT);
            List.<com.vaadin.flow.component.Component>of(purchaseOption, durationHours, privateNetwork,
                    checkpointing, deadlineCritical).forEach(field -> field.setVisible(!storage));
            count.setValue(storage ? 100 : 1);
            purchaseOption.setValue(chosen.purchaseOption());
            durationHours.setValue(chosen.durationHours());
            dataClassification.setValue("internal");
            encrypted.setValue(true);
            privateNetwork.setValue(true);
            checkpointing.setValue(chosen.checkpointing());
            deadlineCritical.setValue(chosen.deadlineCritical());
            name.setValue(chosen.name().toLowerCase().replace('_', '-'));
            tags.setValue("owner=" + owner + "\ndata-classification=internal");
        });
    }

    /** Adds tags the form does not hold yet (a key the user already gave keeps its value), first in the list. */
    public void addTags(Map<String, String> defaults) {
        Map<String, String> current = parseTags(tags.getValue());
        StringBuilder added = new StringBuilder();
        defaults.forEach((key, value) -> {
            if (!current.containsKey(key)) {
                added.append(key).append('=').append(value).append('\n');
            }
        });
        if (!added.isEmpty()) {
            tags.setValue(added + (tags.getValue() == null ? "" : tags.getValue()));
        }
    }

    public Template template() {
        return template;
    }

    public RequestDraft draft() {
        return new RequestDraft(template, team.getValue(), project.getValue(), name.getValue(),
                provider.getValue() == null ? null : provider.getValue().id(),
                region.getValue() == null ? null : region.getValue().id(),
                offering.getValue() == null ? null : offering.getValue().instanceType(),
                count.getValue() == null ? 0 : count.getValue(), purchaseOption.getValue(), durationHours.getValue(),
                dataClassification.getValue(), parseTags(tags.getValue()), encrypted.getValue(),
                privateNetwork.getValue(), checkpointing.getValue(), deadlineCritical.getValue());
    }

    /** Shows the validator's errors on their fields; clears the others. */
    public void showErrors(List<DraftInvalid.FieldError> errors) {
        Map<String, HasValidation> fields = Map.of("team", team, "name", name, "provider", provider, "region", region,
                "offering", offering, "count", count, "purchaseOption", purchaseOption, "durationHours",
                durationHours, "dataClassification", dataClassification, "tags", tags);
        fields.values().forEach(f -> f.setInvalid(false));
        for (DraftInvalid.FieldError error : errors) {
            HasValidation field = fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
    }

    static Map<String, String> parseTags(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (text == null) {
            return tags;
        }
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).trim();
            String value = eq < 0 ? "" : line.substring(eq + 1).trim();
            if (!key.isEmpty() && !value.isEmpty()) {
                tags.put(key, value);
            }
        }
        return tags;
    }

    public Registration addChangeListener(com.vaadin.flow.component.ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }
}
