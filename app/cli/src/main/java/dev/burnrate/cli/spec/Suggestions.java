package dev.burnrate.cli.spec;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean": makes an unknown field actionable. */
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
