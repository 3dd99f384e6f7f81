package dev.burnrate.portal.budget.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A budget edit refused for bad input; nothing was saved. Each message is keyed by the field it concerns
 * ({@code name}, {@code owner}, {@code scope}, {@code currency}, {@code parent}, {@code granularity}, or
 * {@code amount:<period start>} for one period), so the editor shows it on that field.
 */
public class PlanValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public PlanValidationException(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static PlanValidationException of(String field, String message) {
        return new PlanValidationException(Map.of(field, message));
    }

    /** Field to message, in the order found. */
    public Map<String, String> errors() {
        return errors;
    }

    /** The key of one period's amount field. */
    public static String amountField(java.time.LocalDate periodStart) {
        return "amount:" + periodStart;
    }
}
