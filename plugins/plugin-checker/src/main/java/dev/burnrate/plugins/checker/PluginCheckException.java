package dev.burnrate.plugins.checker;

import java.util.List;

/**
 * An archive is not an installable plugin; {@link #problems()} says every reason, each saying what to fix. The
 * portal shows these problems when it refuses an upload, and the testkit's jar check fails with the same ones.
 */
public class PluginCheckException extends Exception {
    private final String fileName;
    private final List<String> problems;

    public PluginCheckException(String fileName, List<String> problems) {
        super(fileName + " is not an installable plugin: " + String.join("; ", problems));
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    /** The name the archive was checked under. */
    public String fileName() {
        return fileName;
    }

    public List<String> problems() {
        return problems;
    }
}
