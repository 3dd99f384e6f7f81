package dev.burnrate.cli;

/** A failure the user can act on: printed as {@code error: <message>} (plus any hint lines), exit code 1. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The lines printed on stderr, the first one after "error: ". */
    public String render() {
        return "error: " + getMessage();
    }
}
