package dev.burnrate.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a plugin's rule found wrong with one request or running resource (since API 1.3.0). The policy decides what
 * a finding does (its rule's {@code action}: notify, require approval or deny, and audit mode); the plugin only
 * says what is wrong and why.
 *
 * @param code     a short, stable name of the problem, e.g. {@code too-many-gpus}; continuous checks use it to
 *                 recognise a violation they already raised
 * @param message  a sentence for the user saying what is wrong and what would be allowed
 * @param evidence the facts judged, in the order they should be shown (e.g. {@code gpus -> 16},
 *                 {@code max_gpus -> 8})
 */
public record RuleFinding(String code, String message, Map<String, String> evidence) {
    public RuleFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a finding needs a code and a message");
        }
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(evidence));
    }
}
