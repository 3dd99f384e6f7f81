package dev.burnrate.portal.plugin;

import java.util.List;

/** Plugin settings were not saved: each problem names the setting and what is wrong. Nothing was changed. */
public class PluginSettingsException extends Exception {
    private final List<String> problems;

    public PluginSettingsException(List<String> problems) {
        super("The settings were not saved: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
