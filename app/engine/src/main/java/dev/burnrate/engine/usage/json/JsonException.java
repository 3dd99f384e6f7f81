package dev.burnrate.engine.usage.json;

/** Malformed JSON, with the position where reading stopped. */
public class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
