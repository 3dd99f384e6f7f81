package dev.burnrate.portal.plugin;

import java.util.List;

/**
 * An upload was refused; nothing was installed. Checked on purpose: the service's transaction still commits the
 * audit entry of the refusal.
 *
 * @see dev.burnrate.engine.plugin.PluginValidationException
 */
public class PluginUploadException extends Exception {
    private final List<String> problems;

    public PluginUploadException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Each thing to fix, when the archive failed inspection; otherwise empty and the message says why. */
    public List<String> problems() {
        return problems;
    }
}
