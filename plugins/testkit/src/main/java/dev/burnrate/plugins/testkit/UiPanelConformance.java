package dev.burnrate.plugins.testkit;

import dev.burnrate.api.UiContribution;
import dev.burnrate.api.UiPanel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link UiContribution}: its identity, that {@link UiContribution#panels()} answers (the panel records
 * check their own shape when built), panel ids are unique, and tables and charts are not empty shells.
 */
public final class UiPanelConformance {

    private UiPanelConformance() {
    }

    public static List<Violation> check(UiContribution contribution) {
        List<Violation> violations = new ArrayList<>();
        Checks.checkIdentity(contribution, "UI contribution", violations);
        List<UiPanel> panels;
        try {
            panels = contribution.panels();
        } catch (RuntimeException e) {
            violations.add(new Violation("UI contribution " + contribution.id(), "panels-answer",
                    "panels() threw " + e));
            return violations;
        }
        if (panels == null || panels.isEmpty()) {
            violations.add(new Violation("UI contribution " + contribution.id(), "has-panels",
                    "panels() returned " + (panels == null ? "null" : "no panels")));
            return violations;
        }
        Set<String> ids = new HashSet<>();
        for (UiPanel panel : panels) {
            String subject = "panel " + panel.id();
            if (!ids.add(panel.id())) {
                violations.add(new Violation(subject, "unique-panel-id", "two panels have this id"));
            }
            if (panel instanceof UiPanel.Chart chart && chart.series().isEmpty()) {
                violations.add(new Violation(subject, "chart-has-series", "the chart has no series to draw"));
            }
        }
        return violations;
    }
}
