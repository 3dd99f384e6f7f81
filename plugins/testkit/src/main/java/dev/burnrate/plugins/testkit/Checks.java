package dev.burnrate.plugins.testkit;

import dev.burnrate.api.BurnrateExtension;
import java.util.List;
import java.util.regex.Pattern;

/** Rules shared by the conformance checkers. */
final class Checks {
    /** Extension ids: lower-case letters, digits and dashes, starting with a letter (as the host enforces). */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private Checks() {
    }

    static void checkIdentity(BurnrateExtension extension, String kind, List<Violation> violations) {
        String subject = kind + " " + extension.getClass().getName();
        String id = extension.id();
        if (id == null || !ID.matcher(id).matches()) {
            violations.add(new Violation(subject, "valid-id",
                    "id must be 2-40 lower-case letters, digits or dashes starting with a letter, but is '" + id + "'"));
        }
        if (isBlank(extension.displayName())) {
            violations.add(new Violation(subject, "display-name", "displayName must not be blank"));
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static void range(List<Violation> violations, String subject, String rule, String field, double value,
                      double min, double max) {
        if (!(value >= min && value <= max)) {
            violations.add(new Violation(subject, rule,
                    field + " must be between " + min + " and " + max + " but is " + value));
        }
    }
}
