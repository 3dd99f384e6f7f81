package dev.burnrate.portal.plugin;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.api.PluginSetting;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin &gt; Plugins &gt; settings of one plugin: a form rendered from the settings the plugin declares, checked by
 * type on save. A secret is never sent to the browser: its field is always empty and only says whether a value is
 * set; typing into it replaces the value.
 */
@Route("admin/plugins/settings")
@PageTitle("Plugin settings · Burnrate")
@RolesAllowed(Role.Names.ADMIN)
public class PluginSettingsView extends VerticalLayout implements HasUrlParameter<String> {
    private final PluginSettingsService service;
    private final H2 title = new H2();
    private final Div warnings = new Div();
    private final Div result = new Div();
    private final FormLayout form = new FormLayout();
    private final Map<String, AbstractField<?, ?>> inputs = new LinkedHashMap<>();
    private final HorizontalLayout buttons = new HorizontalLayout();
    private String pluginId;

    public PluginSettingsView(PluginSettingsService service) {
        this.service = service;
        addClassName("plugin-settings-view");
        warnings.setId("settings-warnings");
        result.setId("settings-result");
        form.setId("settings-form");
        form.setMaxWidth("48rem");
        add(new Anchor("admin/plugins", "← Plugins"), title, warnings, form, buttons, result);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        pluginId = parameter;
        title.setText("Settings of " + parameter);
        try {
            show(service.form(parameter));
        } catch (IllegalArgumentException e) {
            warnings.removeAll();
            warnings.add(new Paragraph(e.getMessage()));
        }
    }

    private void show(PluginSettingsForm settings) {
        warnings.removeAll();
        form.removeAll();
        inputs.clear();
        buttons.removeAll();
        if (settings.secretsWarning() != null) {
            warnings.add(warning("secrets-warning", settings.secretsWarning()));
        }
        if (settings.unavailable() != null) {
            warnings.add(warning("settings-unavailable", settings.unavailable()));
            return;
        }
        if (settings.fields().isEmpty()) {
            warnings.add(new Paragraph("This plugin declares no settings."));
            return;
        }
        if (!settings.secretsInClear().isEmpty()) {
            warnings.add(warning("secrets-in-clear", "Stored in clear text from before the plugin declared them "
                    + "secret: " + String.join(", ", settings.secretsInClear()) + ". Save to encrypt them."));
        }
        if (!settings.missingRequired().isEmpty()) {
            warnings.add(warning("settings-missing", "Required settings not set: "
                    + String.join(", ", settings.missingRequired())));
        }
        settings.fields().forEach(field -> form.add(input(field)));
        Button save = new Button("Save", click -> save());
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        buttons.add(save);
        settings.fields().stream().filter(f -> f.setting().secret() && f.secretSet()).forEach(f -> {
            Button remove = new Button("Remove " + f.setting().label(), click -> {
                show(service.removeSecret(pluginId, f.setting().key()));
                notify("Removed " + f.setting().label(), NotificationVariant.LUMO_SUCCESS);
            });
            remove.setId("remove-secret-" + f.setting().key());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            buttons.add(remove);
        });
    }

    private Component input(PluginSettingsForm.Field field) {
        PluginSetting setting = field.setting();
        String label = setting.label() + (setting.required() ? " *" : "");
        AbstractField<?, ?> input;
        if (setting.secret()) {
            PasswordField secret = new PasswordField(label);
            secret.setPlaceholder(field.secretSet() ? "set: type a new value to replace it" : "not set");
            secret.getElement().setAttribute("data-state", field.secretSet() ? "set" : "not-set");
            input = secret;
        } else if (setting.type() == PluginSetting.Type.BOOLEAN) {
            Checkbox box = new Checkbox(label);
            String value = field.value() != null ? field.value() : setting.defaultValue();
            box.setValue(Boolean.parseBoolean(value));
            input = box;
        } else {
            TextField text = new TextField(label);
            // an unset setting starts at its declared default, so saving the form stores what it shows
            String value = field.value() != null ? field.value() : setting.defaultValue();
            text.setValue(value == null ? "" : value);
            input = text;
        }
        input.setId("setting-" + setting.key());
        if (setting.description() != null && input instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(setting.description());
        }
        inputs.put(setting.key(), input);
        return input;
    }

    private void save() {
        Map<String, String> values = new LinkedHashMap<>();
        inputs.forEach((key, input) -> values.put(key, String.valueOf(input.getValue())));
        result.removeAll();
        try {
            PluginSettingsForm saved = service.save(pluginId, values);
            show(saved);
            result.setClassName("settings-result success");
            result.add(new Span(saved.unavailable() == null ? "Saved. The plugin was restarted with the new settings."
                    : "Saved, but the plugin did not start again with them: its error is on Admin > Plugins."));
            notify("Saved the settings of " + pluginId, NotificationVariant.LUMO_SUCCESS);
        } catch (PluginSettingsException e) {
            result.setClassName("settings-result error");
            result.add(new Span("Not saved. Fix the following:"));
            UnorderedList problems = new UnorderedList();
            e.problems().forEach(p -> problems.add(new ListItem(p)));
            result.add(problems);
            notify("The settings were not saved", NotificationVariant.LUMO_ERROR);
        }
    }

    private static Paragraph warning(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassName("settings-warning");
        p.getElement().getThemeList().add("badge error");
        return p;
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
