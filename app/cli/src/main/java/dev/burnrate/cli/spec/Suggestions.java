package dev.burnrate.cli.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Small helpers that make a spec error actionable: "did you mean", and the value that was found. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code , did you mean "acceleratorCount"?} for a near miss (case or up to two typos), else empty. */
    static String closest(String name, Collection<String> known) {
        return known.stream()
                .filter(k -> k.equalsIgnoreCase(name) || distance(k.toLowerCase(), name.toLowerCase()) <= 2)
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(), name.toLowerCase())))
                .map(k -> ", did you mean \"" + k + "\"?").orElse("");
    }

    /**
     * {@code , not sixteen}: the offending value as the file spells it (the rest of its line, when it is a plain
     * scalar), else as the parser kept it, else nothing.
     */
    static String found(MismatchedInputException e, String text) {
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0 && at.getColumnNr() > 0) {
            List<String> lines = text.lines().toList();
            if (at.getLineNr() <= lines.size()) {
                String line = lines.get(at.getLineNr() - 1);
                String raw = at.getColumnNr() <= line.length() ? line.substring(at.getColumnNr() - 1) : "";
                raw = raw.replaceFirst("\\s+#.*$", "").strip();
                if (!raw.isEmpty() && raw.length() <= 40 && "[{|>".indexOf(raw.charAt(0)) < 0) {
                    return ", not " + raw;
                }
            }
        }
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return ", not " + invalid.getValue();
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
