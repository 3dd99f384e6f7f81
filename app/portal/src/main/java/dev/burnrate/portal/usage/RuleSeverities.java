package dev.burnrate.portal.usage;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per-rule severities for one import, folded away under the mode: each row-level rule can keep its default, be a
 * warning (the row is imported as found and the rule listed in the conformance report) or an error (the row is
 * quarantined in lenient mode, the file rejected in strict mode). File-level problems (encoding, limits, a missing
 * core column) are always fatal, and unparseable values always quarantined, so they are not offered.
 */
class RuleSeverities extends Details {

    /**
     * The rules a single row can break and still be stored as found, so either choice is meaningful. A value that
     * does not parse as its type, or a row with the wrong number of fields, has no faithful stored form: those rows
     * are always quarantined (lenient) or reject the file (strict), so they are not offered.
     */
    static final List<Rule> ROW_RULES = List.of(Rule.NULLABILITY, Rule.NON_NEGATIVE, Rule.ALLOWED_VALUES,
            Rule.PERIOD_ORDER, Rule.VALUE_NORMALISED);

    static final String DEFAULT = "Default for the mode";
    static final String KEEP = "Warning: keep the row";
    static final String REJECT = "Error: quarantine the row (strict: reject the file)";

    private final Map<Rule, Select<String>> selects = new EnumMap<>(Rule.class);

    RuleSeverities() {
        setSummaryText("Rule severities");
        setId("import-severities");
        FlexLayout rules = new FlexLayout();
        rules.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        rules.getStyle().set("gap", "var(--lumo-space-m)");
        for (Rule rule : ROW_RULES) {
            Select<String> select = new Select<>();
            select.setLabel(rule.id());
            select.setHelperText(rule.description());
            select.setId("severity-" + rule.id());
            select.setItems(DEFAULT, KEEP, REJECT);
            select.setValue(DEFAULT);
            select.setWidth("18em");
            selects.put(rule, select);
            rules.add(select);
        }
        add(rules);
    }

    /** The overrides the user chose; rules left at their default are absent. */
    Map<Rule, Severity> overrides() {
        Map<Rule, Severity> out = new EnumMap<>(Rule.class);
        selects.forEach((rule, select) -> {
            if (KEEP.equals(select.getValue())) {
                out.put(rule, Severity.WARNING);
            } else if (REJECT.equals(select.getValue())) {
                out.put(rule, Severity.ERROR);
            }
        });
        return out;
    }
}
