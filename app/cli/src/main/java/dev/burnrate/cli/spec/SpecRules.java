package dev.burnrate.cli.spec;

import dev.burnrate.cli.spec.SpecException.Problem;
import java.util.ArrayList;
import java.util.List;

/** The values a well-formed spec must have; every problem is collected so the author fixes them in one go. */
final class SpecRules {

    private SpecRules() {
    }

    static List<Problem> check(JobSpec spec, SpecReader.Purpose purpose) {
        List<Problem> problems = new ArrayList<>();
        String[][] texts = {{"kind", spec.kind()}, {"team", spec.team()}, {"project", spec.project()},
                {"name", spec.name()}, {"provider", spec.provider()}, {"region", spec.region()},
                {"accelerator", spec.accelerator()}, {"instanceType", spec.instanceType()},
                {"purchaseOption", spec.purchaseOption()}, {"dataClassification", spec.dataClassification()}};
        for (String[] text : texts) {
            if (text[1] != null && text[1].isBlank()) {
                problems.add(problem(text[0] + " must not be empty"));
            }
        }
        oneOf(problems, "kind", spec.kind(), SpecReader.KINDS);
        oneOf(problems, "purchaseOption", spec.purchaseOption(), SpecReader.PURCHASE_OPTIONS);
        if (spec.acceleratorCount() != null && spec.acceleratorCount() < 1) {
            problems.add(problem("acceleratorCount must be at least 1, not " + spec.acceleratorCount()));
        }
        if (spec.hours() != null && spec.hours().signum() <= 0) {
            problems.add(problem("hours must be more than 0, not " + spec.hours().toPlainString()));
        }
        if (spec.accelerator() == null && spec.instanceType() == null) {
            problems.add(problem("give an accelerator (a GPU or TPU type such as H100) or an instanceType"));
        }
        if (spec.tags() != null) {
            spec.tags().forEach((key, value) -> {
                if (value == null) {
                    problems.add(problem("tags." + key + " has no value"));
                }
            });
        }
        if (purpose == SpecReader.Purpose.CHECK) {
            if (spec.team() == null) {
                problems.add(problem("team is required for a policy check (its policies and budgets apply)"));
            }
            if (spec.region() == null) {
                problems.add(problem("region is required for a policy check"));
            }
        }
        return problems;
    }

    private static void oneOf(List<Problem> problems, String field, String value, List<String> allowed) {
        if (value != null && !value.isBlank() && !allowed.contains(value)) {
            problems.add(problem(field + " must be one of " + String.join(", ", allowed) + ", not \"" + value + "\""));
        }
    }

    private static Problem problem(String message) {
        return new Problem(0, 0, message);
    }
}
