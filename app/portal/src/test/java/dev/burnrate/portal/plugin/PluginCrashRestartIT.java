package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.BuiltinPluginJars;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The case no bytecode scan can catch: a plugin that ends the process through reflection while it starts. The
 * production jar runs in its own process on a data folder holding that plugin: the first start dies in the
 * plugin's init, the second start finds the start marker the first left in the database, keeps the plugin
 * suspended with the reason, and serves the portal with every built-in plugin running.
 */
class PluginCrashRestartIT {
    private static final Path JAR = Paths.get("target", "burnrate-portal.jar");

    @Test
    void aPluginThatKilledThePortalDuringItsStartIsHeldBackAtTheNextStart() throws Exception {
        assertThat(JAR).as("the package phase builds the executable jar").exists();
        Path work = Files.createTempDirectory(Paths.get("target"), "crash-restart");
        Path data = work.resolve("data");
        HostilePlugins.compile(work).jar("sneaky", Files.createDirectories(data.resolve("plugins")));

        Path firstLog = work.resolve("first.log");
        Process first = start(data, freePort(), firstLog);
        assertThat(first.waitFor(4, TimeUnit.MINUTES)).as("the plugin ends the first start").isTrue();
        assertThat(first.exitValue()).isEqualTo(3);
        assertThat(Files.readString(firstLog)).doesNotContain("Plugins: ");

        int port = freePort();
        Path secondLog = work.resolve("second.log");
        Process second = start(data, port, secondLog);
        try {
            long builtins = BuiltinPluginJars.count();
            awaitLogLine(second, secondLog, "Plugins: " + builtins + " of " + (builtins + 1) + " started");
            assertThat(Files.readString(secondLog)).contains("plugin hostile-sneaky not started: the portal stopped "
                    + "while this plugin was starting");
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(second.isAlive()).isTrue();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Process start(Path data, int port, Path log) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "--server.port=" + port,
                "--burnrate.data-dir=" + data.toAbsolutePath(), "--burnrate.admin.initial-password=first-admin-pw"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLogLine(Process portal, Path log, String line) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!Files.readString(log).contains(line)) {
            if (!portal.isAlive()) {
                throw new AssertionError("The portal exited with " + portal.exitValue() + ":\n" + Files.readString(log));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The log never said '" + line + "':\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
