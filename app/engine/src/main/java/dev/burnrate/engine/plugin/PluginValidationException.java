package dev.burnrate.engine.plugin;

import java.util.List;

/**
 * An uploaded archive is not an installable plugin; {@link #problems()} says every reason (those of the plugin checker,
 * {@link dev.burnrate.plugins.checker.PluginPackageInspector}, or the host's own: allow-list, size).
 */
public class PluginValidationException extends PluginInstallException {
    private final List<String> problems;

    public PluginValidationException(String fileName, List<String> problems) {
        super(fileName + " is not an installable plugin: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
