package dev.burnrate.portal.policy;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.schema.FieldSpec;
import java.util.List;

/**
 * The rule types a policy may use, with their fields: the registry's schemas, shown as documentation. A plugin's
 * type names its plugin; a started plugin's type that could not be registered is listed with the reason.
 */
public class RuleReference extends VerticalLayout {

    public RuleReference(List<RuleType> types, List<String> problems) {
        setPadding(false);
        setId("rule-reference");
        for (String problem : problems) {
            Paragraph left = new Paragraph(problem);
            left.addClassName("rule-type-problem");
            add(left);
        }
        for (RuleType type : types) {
            VerticalLayout fields = new VerticalLayout();
            fields.setPadding(false);
            fields.setSpacing(false);
            fields.add(new Paragraph(type.description()));
            for (FieldSpec field : type.schema().fields()) {
                fields.add(new Span(describe(field)));
            }
            if (!type.builtIn()) {
                fields.add(new Span("Contributed by plugin " + type.origin() + ". If the plugin cannot evaluate "
                        + "the rule (it fails, times out or is not running) the rule counts as violated and its "
                        + "action applies."));
            }
            Details details = new Details("type: " + type.name() + (type.builtIn() ? "" : " (plugin "
                    + type.origin() + ")"), fields);
            details.setId("rule-type-" + type.name());
            add(details);
        }
    }

    static String describe(FieldSpec f) {
        StringBuilder text = new StringBuilder(f.name()).append(" (").append(f.type().description())
                .append(f.required() ? ", required" : ", optional").append(")");
        if (!f.allowed().isEmpty()) {
            text.append(" one of ").append(f.allowed());
        }
        if (f.defaultValue() != null) {
            text.append(", default ").append(f.defaultValue());
        }
        if (!f.description().isBlank()) {
            text.append(": ").append(f.description());
        }
        if (f.nested() != null) {
            text.append(" — each with ");
            text.append(String.join(", ", f.nested().fields().stream().map(RuleReference::describe).toList()));
        }
        return text.toString();
    }
}
