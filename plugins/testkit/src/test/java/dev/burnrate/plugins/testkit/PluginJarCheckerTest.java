package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit's jar check refuses what the portal's upload refuses, with the portal's messages (the engine's
 * PluginCheckerParityTest proves the upload says the same for these jars).
 */
class PluginJarCheckerTest {
    @TempDir
    Path dir;

    /** Real class bytes (the bytecode scan reads every class), stored under the names the manifest uses. */
    private static byte[] someClass() throws IOException {
        try (InputStream in = PluginJarCheckerTest.class.getResourceAsStream("FakeProvider.class")) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> goodManifest() {
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("Plugin-Id", "acme");
        manifest.put("Plugin-Version", "1.0.0");
        manifest.put("Plugin-Requires", ApiVersion.RECOMMENDED_REQUIRES);
        manifest.put("Plugin-Class", "acme.AcmePlugin");
        return manifest;
    }

    private Path jar(String name, Map<String, String> manifestEntries, Map<String, byte[]> files) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestEntries.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new JarEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }

    private Path pluginJar(String name, Map<String, String> manifest) throws IOException {
        return jar(name, manifest, Map.of("META-INF/extensions.idx", "acme.Provider\n".getBytes(),
                "acme/Provider.class", someClass(), "acme/AcmePlugin.class", someClass()));
    }

    @Test
    void acceptsAWellFormedJar() throws IOException {
        Path jar = pluginJar("good.jar", goodManifest());
        assertThat(PluginJarChecker.check(jar)).isEmpty();
        assertThat(PluginJarChecker.extensionClassNames(jar)).containsExactly("acme.Provider");
    }

    @Test
    void refusesAnApiRangeThisApiIsNotIn() throws IOException {
        Map<String, String> manifest = goodManifest();
        manifest.put("Plugin-Requires", ">=2.0.0");
        assertThat(PluginJarChecker.check(pluginJar("requires.jar", manifest))).containsExactly(
                "requires Burnrate API >=2.0.0 but this portal provides API " + ApiVersion.CURRENT);
    }

    @Test
    void refusesAnIdThePortalCannotUse() throws IOException {
        Map<String, String> manifest = goodManifest();
        manifest.put("Plugin-Id", "Bad_ID!");
        assertThat(PluginJarChecker.check(pluginJar("id.jar", manifest))).containsExactly(
                "Plugin-Id 'Bad_ID!' must be 2-64 lower-case letters, digits or dashes, starting with a letter");
    }

    @Test
    void refusesAVersionThatIsNotSemantic() throws IOException {
        Map<String, String> manifest = goodManifest();
        manifest.put("Plugin-Version", "banana");
        assertThat(PluginJarChecker.check(pluginJar("version.jar", manifest))).containsExactly(
                "Plugin-Version 'banana' is not a semantic version such as 1.2.0");
    }

    @Test
    void refusesAJarWithoutPluginClass() throws IOException {
        Map<String, String> manifest = goodManifest();
        manifest.remove("Plugin-Class");
        assertThat(PluginJarChecker.check(pluginJar("no-class.jar", manifest))).containsExactly(
                "Plugin-Class is missing: name the plugin's class (one that extends org.pf4j.Plugin, "
                        + "e.g. com.example.MyPlugin) in the manifest");
    }

    @Test
    void findsAMissingIndexAndABundledApi() throws IOException {
        Path jar = jar("bundled.jar", goodManifest(), Map.of("dev/burnrate/api/CloudProvider.class", someClass(),
                "acme/AcmePlugin.class", someClass()));
        assertThat(PluginJarChecker.check(jar))
                .anySatisfy(p -> assertThat(p).startsWith("no extensions: META-INF/extensions.idx is missing"))
                .anySatisfy(p -> assertThat(p).startsWith("bundles dev/burnrate/api/CloudProvider.class"));
    }

    @Test
    void findsAnIndexNamingAbsentClasses() throws IOException {
        Path jar = jar("gone.jar", goodManifest(), Map.of("META-INF/extensions.idx", "acme.Gone\n".getBytes(),
                "acme/AcmePlugin.class", someClass()));
        assertThat(PluginJarChecker.check(jar)).containsExactly(
                "the extension index names acme.Gone but the class is not in the archive");
    }
}
