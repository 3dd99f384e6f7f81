package dev.burnrate.engine.plugin;

import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh plugins folder and host per test; the test plugins are compiled once per class. */
abstract class PluginHostTestBase {
    @TempDir
    static Path buildDir;
    static TestPlugins plugins;

    @TempDir
    Path work;
    Path pluginsDir;
    Path uploads;
    PluginHost host;
    /** Kept across {@link #startHost} calls of one test, as the portal's database keeps the journal. */
    PluginSafety safety = PluginSafety.defaults();

    @BeforeAll
    static void compilePlugins() throws IOException {
        plugins = TestPlugins.compile(buildDir);
    }

    @BeforeEach
    void createFolders() throws IOException {
        pluginsDir = Files.createDirectories(work.resolve("plugins"));
        uploads = Files.createDirectories(work.resolve("uploads"));
    }

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    PluginHost startHost(Duration callTimeout) throws IOException {
        if (host != null) {
            host.close();
        }
        PluginHostConfig config = PluginHostConfig.defaults(pluginsDir).withCallTimeout(callTimeout);
        host = new PluginHost(config, id -> new InMemoryPluginContext(id).withSetting("region-name", "Frankfurt test"),
                (pluginId, message, suspended) -> { }, safety);
        host.start();
        return host;
    }

    PluginHost startHost() throws IOException {
        return startHost(Duration.ofSeconds(10));
    }

    PluginInfo upload(Path archive) throws PluginInstallException, IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return host.install(archive.getFileName().toString(), in);
        }
    }

    /** Everything in the plugins folder, staging area included, as relative paths. */
    List<String> folderContents() throws IOException {
        try (Stream<Path> tree = Files.walk(pluginsDir)) {
            return tree.filter(Files::isRegularFile).map(p -> pluginsDir.relativize(p).toString()).sorted().toList();
        }
    }
}
