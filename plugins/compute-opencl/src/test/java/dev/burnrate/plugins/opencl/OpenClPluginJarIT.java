package dev.burnrate.plugins.opencl;

import dev.burnrate.api.ComputeBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged plugin jar (after {@code package}) loads in PF4J and contributes the OpenCL backend, with JOCL
 * bundled inside and the API and PF4J left to the host.
 */
class OpenClPluginJarIT {

    @Test
    void thePluginJarLoadsInPf4jAndContributesTheBackend(@TempDir Path plugins) throws IOException {
        Path jar = pluginJar();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("META-INF/extensions.idx")).as("extension index").isNotNull();
            assertThat(file.getEntry("org/jocl/CL.class")).as("JOCL bundled").isNotNull();
            assertThat(file.getEntry("lib/libJOCL_2_0_6-linux-x86_64.so")).as("JOCL natives bundled").isNotNull();
            assertThat(file.getEntry("org/pf4j/Plugin.class")).as("PF4J left to the host").isNull();
            assertThat(file.getEntry("dev/burnrate/api/ComputeBackend.class")).as("API left to the host").isNull();
        }
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertThat(manager.getPlugin("compute-opencl")).isNotNull();
            assertThat(manager.getPlugin("compute-opencl").getPluginState()).isEqualTo(PluginState.STARTED);
            List<ComputeBackend> backends = manager.getExtensions(ComputeBackend.class, "compute-opencl");
            assertThat(backends).singleElement().satisfies(backend -> {
                assertThat(backend.id()).isEqualTo("opencl");
                assertThat(backend.availability()).isNotNull();
                backend.close();
            });
        } finally {
            // stopPlugins()/unloadPlugins() throw ConcurrentModificationException in PF4J 3.15 (they remove
            // from the list they iterate), so stop and unload by id.
            manager.stopPlugin("compute-opencl");
            manager.unloadPlugin("compute-opencl");
        }
    }

    private static Path pluginJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("burnrate-compute-opencl-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("original"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run 'package' first: no plugin jar"));
        }
    }
}
