package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged plugin jar (run it as an integration test, after {@code package}). Extend it in a class named
 * {@code *IT} and pass the jar's path and the expected plugin id as the system properties {@code plugin.jar} and
 * {@code plugin.id} (Failsafe's {@code systemPropertyVariables}), or override {@link #pluginJar()}.
 */
public abstract class PluginJarConformanceTest {

    protected Path pluginJar() {
        String jar = System.getProperty("plugin.jar");
        if (jar == null) {
            throw new IllegalStateException("set the system property plugin.jar to the built plugin jar");
        }
        return Path.of(jar);
    }

    protected String expectedPluginId() {
        return System.getProperty("plugin.id");
    }

    @Test
    void jarIsInstallable() throws IOException {
        Path jar = pluginJar();
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + ": run the package phase first");
        assertEquals(java.util.List.of(), PluginJarChecker.check(jar), "problems in " + jar);
        assertFalse(PluginJarChecker.extensionClassNames(jar).isEmpty());
        if (expectedPluginId() != null) {
            try (JarFile file = new JarFile(jar.toFile())) {
                assertEquals(expectedPluginId(), file.getManifest().getMainAttributes().getValue("Plugin-Id"));
            }
        }
    }
}
