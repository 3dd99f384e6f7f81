package dev.burnrate.portal.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.burnrate.engine.policy.schema.PolicyError;
import java.util.List;

/**
 * The YAML editor. Everyone can read; an editable editor validates on demand and fires {@link SaveEvent} /
 * {@link EnabledEvent} for the view to act on (the editor never calls a service).
 */
public class PolicyEditor extends VerticalLayout {

    private final TextArea yaml = new TextArea("Policy (YAML)");
    private final TextField comment = new TextField("What changed");
    private final Checkbox enabled = new Checkbox("Enabled");
    private final UnorderedList errors = new UnorderedList();
    private final Button validate = new Button("Validate");
    private final Button save = new Button("Save new version");
    private String policyId;

    /** Save the YAML as a new version of {@code policyId} (null: a new policy). */
    public static class SaveEvent extends ComponentEvent<PolicyEditor> {
        private final String policyId;
        private final String yaml;
        private final String comment;

        SaveEvent(PolicyEditor source, String policyId, String yaml, String comment) {
            super(source, false);
            this.policyId = policyId;
            this.yaml = yaml;
            this.comment = comment;
        }

        public String policyId() {
            return policyId;
        }

        public String yaml() {
            return yaml;
        }

        public String comment() {
            return comment;
        }
    }

    /** Validate the YAML without saving. */
    public static class ValidateEvent extends ComponentEvent<PolicyEditor> {
        ValidateEvent(PolicyEditor source) {
            super(source, false);
        }
    }

    /** Enable or disable the policy. */
    public static class EnabledEvent extends ComponentEvent<PolicyEditor> {
        private final boolean enabled;

        EnabledEvent(PolicyEditor source, boolean enabled) {
            super(source, false);
            this.enabled = enabled;
        }

        public boolean enabled() {
            return enabled;
        }
    }

    public PolicyEditor(boolean editable) {
        addClassName("policy-editor");
        setPadding(false);
        yaml.setId("policy-yaml");
        yaml.setWidthFull();
        yaml.setMinHeight("22em");
        yaml.addClassName("yaml");
        yaml.setReadOnly(!editable);
        comment.setId("policy-comment");
        comment.setWidth("30em");
        errors.setId("policy-errors");
        validate.setId("policy-validate");
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enabled.setId("policy-enabled");
        enabled.setReadOnly(!editable);
        validate.addClickListener(e -> fireEvent(new ValidateEvent(this)));
        save.addClickListener(e -> fireEvent(new SaveEvent(this, policyId, yaml.getValue(), comment.getValue())));
        enabled.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                fireEvent(new EnabledEvent(this, e.getValue()));
            }
        });
        add(yaml, errors);
        if (editable) {
            HorizontalLayout actions = new HorizontalLayout(comment, validate, save, enabled);
            actions.setAlignItems(Alignment.BASELINE);
            add(actions);
        } else {
            add(enabled);
        }
    }

    public void edit(StoredPolicy policy) {
        policyId = policy == null ? null : policy.id();
        yaml.setValue(policy == null ? NEW_POLICY : policy.source());
        enabled.setValue(policy == null || policy.enabled());
        enabled.setVisible(policy != null);
        comment.clear();
        showErrors(List.of());
    }

    public String yaml() {
        return yaml.getValue();
    }

    public String policyId() {
        return policyId;
    }

    /** Lists errors with their line and column; an empty list shows that the YAML is valid. */
    public void showErrors(List<PolicyError> found) {
        errors.removeAll();
        yaml.setInvalid(!found.isEmpty());
        for (PolicyError error : found) {
            ListItem item = new ListItem(error.toString());
            item.addClassName("policy-error");
            errors.add(item);
        }
    }

    public void showValid() {
        showErrors(List.of());
        ListItem ok = new ListItem("Valid.");
        ok.addClassName("policy-valid");
        errors.add(ok);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addValidateListener(ComponentEventListener<ValidateEvent> listener) {
        return addListener(ValidateEvent.class, listener);
    }

    public Registration addEnabledListener(ComponentEventListener<EnabledEvent> listener) {
        return addListener(EnabledEvent.class, listener);
    }

    static final String NEW_POLICY = """
            id: new-policy
            name: New policy
            description: What this policy is for.
            scope: all
            mode: audit
            rules:
              - type: required_tags
                tags:
                  - key: cost-center
            """;
}
