package dev.burnrate.portal.policy;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.schema.FieldSpec;
import java.util.List;

/** The rule types a policy may use, with their fields: the registry's schemas, shown as documentation. */
public class RuleReference extends VerticalLayout {

    public RuleReference(List<RuleType> types) {
        setPadding(false);
        setId("rule-reference");
        for (RuleType type : types) {
            VerticalLayout fields = new VerticalLayout();
            fields.setPadding(false);
            fields.setSpacing(false);
            fields.add(new Paragraph(type.description()));
            for (FieldSpec field : type.schema().fields()) {
                fields.add(new Span(describe(field)));
            }
            add(new Details("type: " + type.name(), fields));
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
