package dev.burnrate.plugins.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Checks a built plugin jar the way the portal will before it installs it: the PF4J manifest entries, an
 * extension index that names classes present in the jar, and no bundled copies of the API or PF4J (a bundled
 * copy would load in the plugin's class loader, and its extensions would not be the host's types).
 */
public final class PluginJarChecker {
    public static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";

    private PluginJarChecker() {
    }

    /** Every problem found; empty when the jar is installable. */
    public static List<String> check(Path jar) throws IOException {
        List<String> problems = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            checkManifest(file.getManifest(), problems);
            checkExtensionIndex(file, problems);
            file.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class"))
                    .filter(name -> name.startsWith("dev/burnrate/api/") || name.startsWith("org/pf4j/"))
                    .findFirst()
                    .ifPresent(name -> problems.add("bundles " + name + ": the API and PF4J must be 'provided'"));
        }
        return problems;
    }

    /** The extension class names the jar's {@value #EXTENSIONS_INDEX} lists. */
    public static List<String> extensionClassNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return readIndex(file);
        }
    }

    private static void checkManifest(Manifest manifest, List<String> problems) {
        if (manifest == null) {
            problems.add("no META-INF/MANIFEST.MF");
            return;
        }
        Attributes attributes = manifest.getMainAttributes();
        for (String name : List.of("Plugin-Id", "Plugin-Version", "Plugin-Provider", "Plugin-Requires")) {
            String value = attributes.getValue(name);
            if (value == null || value.isBlank()) {
                problems.add("manifest entry " + name + " is missing");
            }
        }
    }

    private static void checkExtensionIndex(JarFile file, List<String> problems) throws IOException {
        if (file.getEntry(EXTENSIONS_INDEX) == null) {
            problems.add(EXTENSIONS_INDEX + " is missing: is pf4j in the compiler's annotationProcessorPaths?");
            return;
        }
        List<String> names = readIndex(file);
        if (names.isEmpty()) {
            problems.add(EXTENSIONS_INDEX + " lists no extensions");
        }
        for (String name : names) {
            if (file.getEntry(name.replace('.', '/') + ".class") == null) {
                problems.add(EXTENSIONS_INDEX + " names " + name + " but the jar does not contain it");
            }
        }
    }

    private static List<String> readIndex(JarFile file) throws IOException {
        JarEntry entry = file.getJarEntry(EXTENSIONS_INDEX);
        List<String> names = new ArrayList<>();
        if (entry == null) {
            return names;
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    names.add(trimmed);
                }
            }
        }
        return names;
    }
}
