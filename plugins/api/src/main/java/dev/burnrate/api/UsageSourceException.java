package dev.burnrate.api;

/**
 * A {@link UsageSource} could not deliver usage: its message is shown to administrators in the run history, so it
 * says what failed and where (which file, which line, which endpoint), never a secret.
 *
 * @since API 1.3.0
 */
public class UsageSourceException extends Exception {

    public UsageSourceException(String message) {
        super(message);
    }

    public UsageSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
