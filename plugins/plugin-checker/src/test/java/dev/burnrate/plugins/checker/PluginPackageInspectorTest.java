package dev.burnrate.plugins.checker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check on PF4J zips (plugin.properties, classes/), through the API the testkit uses. */
class PluginPackageInspectorTest {
    @TempDir
    Path dir;

    private final PluginPackageInspector inspector = new PluginPackageInspector();

    private static byte[] someClass() throws IOException {
        try (InputStream in = PluginPackageInspectorTest.class.getResourceAsStream(
                "PluginPackageInspectorTest.class")) {
            return in.readAllBytes();
        }
    }

    private Path zip(String properties) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", properties.getBytes(StandardCharsets.UTF_8));
        entries.put("classes/META-INF/extensions.idx", "acme.Provider\n".getBytes(StandardCharsets.UTF_8));
        entries.put("classes/acme/Provider.class", someClass());
        entries.put("classes/acme/AcmePlugin.class", someClass());
        Path zip = dir.resolve("acme.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream stream = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                stream.putNextEntry(new ZipEntry(entry.getKey()));
                stream.write(entry.getValue());
                stream.closeEntry();
            }
        }
        return zip;
    }

    private static final String GOOD = "plugin.id=acme\nplugin.version=1.0.0\nplugin.requires="
            + ApiVersion.RECOMMENDED_REQUIRES + "\n";

    @Test
    void aWellFormedZipHasNoProblemsAndListsItsExtensions() throws IOException {
        Path zip = zip(GOOD + "plugin.class=acme.AcmePlugin\n");
        assertThat(inspector.problems(zip)).isEmpty();
        assertThat(inspector.extensionClassNames(zip)).containsExactly("acme.Provider");
    }

    @Test
    void aZipWithoutPluginClassIsRefusedLikeAJar() throws IOException {
        assertThat(inspector.problems(zip(GOOD))).singleElement().asString()
                .startsWith("Plugin-Class is missing");
    }

    @Test
    void theInspectedPackageCarriesTheHashItWasGiven() throws Exception {
        Path zip = zip(GOOD + "plugin.class=acme.AcmePlugin\n");
        String sha256 = PluginPackageInspector.sha256(zip);
        assertThat(sha256).hasSize(64);
        assertThat(inspector.inspect(zip, "acme.zip", sha256).sha256()).isEqualTo(sha256);
    }
}
