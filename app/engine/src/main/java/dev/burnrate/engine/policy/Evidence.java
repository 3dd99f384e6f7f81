package dev.burnrate.engine.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the evidence of a violation: named facts (region jurisdiction, budget figures, ...) in the order they
 * should be shown. Values are strings, numbers, booleans or lists of strings; nulls are left out.
 */
public final class Evidence {
    private final Map<String, Object> facts = new LinkedHashMap<>();

    private Evidence() {
    }

    public static Evidence builder() {
        return new Evidence();
    }

    public Evidence put(String name, Object value) {
        if (value instanceof List<?> list) {
            facts.put(name, List.copyOf(list));
        } else if (value != null) {
            facts.put(name, value);
        }
        return this;
    }

    /** A money figure rounded to cents, so evidence reads as the user sees it. */
    public Evidence money(String name, double usd) {
        return put(name, Math.round(usd * 100.0) / 100.0);
    }

    public Map<String, Object> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
