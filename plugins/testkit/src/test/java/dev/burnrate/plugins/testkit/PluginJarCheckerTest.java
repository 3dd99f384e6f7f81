package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarCheckerTest {
    @TempDir
    Path dir;

    private Path jar(Map<String, String> manifestEntries, Map<String, String> files) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestEntries.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path jar = dir.resolve("plugin-" + files.size() + manifestEntries.size() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new JarEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static final Map<String, String> GOOD_MANIFEST = Map.of("Plugin-Id", "acme", "Plugin-Version", "1.0.0",
            "Plugin-Provider", "Acme", "Plugin-Requires", ">=1.0.0 & <2.0.0");

    @Test
    void acceptsAWellFormedJar() throws IOException {
        Path jar = jar(GOOD_MANIFEST, Map.of("META-INF/extensions.idx", "acme.Provider\n", "acme/Provider.class", "x"));
        assertThat(PluginJarChecker.check(jar)).isEmpty();
        assertThat(PluginJarChecker.extensionClassNames(jar)).containsExactly("acme.Provider");
    }

    @Test
    void findsMissingManifestEntriesIndexAndBundledApi() throws IOException {
        Path jar = jar(Map.of("Plugin-Id", "acme"), Map.of("dev/burnrate/api/CloudProvider.class", "x"));
        assertThat(PluginJarChecker.check(jar)).anySatisfy(p -> assertThat(p).contains("Plugin-Requires"))
                .anySatisfy(p -> assertThat(p).contains("extensions.idx is missing"))
                .anySatisfy(p -> assertThat(p).contains("bundles dev/burnrate/api/CloudProvider.class"));
    }

    @Test
    void findsAnIndexNamingAbsentClasses() throws IOException {
        Path jar = jar(GOOD_MANIFEST, Map.of("META-INF/extensions.idx", "acme.Gone\n"));
        assertThat(PluginJarChecker.check(jar)).containsExactly(
                "META-INF/extensions.idx names acme.Gone but the jar does not contain it");
    }
}
