package dev.burnrate.portal.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** The built-in plugins the portal jar ships: the build copies them to {@code target/classes/builtin-plugins}. */
public final class BuiltinPluginJars {
    private BuiltinPluginJars() {
    }

    /** How many there are, so tests that read the start-up log need no count of their own to keep up to date. */
    public static long count() throws IOException {
        try (var jars = Files.list(Paths.get("target", "classes", "builtin-plugins"))) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).count();
        }
    }
}
