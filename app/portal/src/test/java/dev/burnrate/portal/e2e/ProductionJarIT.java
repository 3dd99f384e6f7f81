package dev.burnrate.portal.e2e;

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
import org.junit.jupiter.api.Test;

/**
 * The production build as a user runs it: {@code java -jar burnrate-portal.jar} (built by the package phase before
 * Failsafe runs) starts in Vaadin production mode, without demo mode, and serves the login page.
 */
class ProductionJarIT {

    private static final Path JAR = Paths.get("target", "burnrate-portal.jar");

    @Test
    void executableJarStartsAndServesTheLoginPage() throws Exception {
        assertThat(JAR).as("the package phase builds the executable jar").exists();
        int port = freePort();
        Path dataDir = Files.createTempDirectory(Paths.get("target"), "jar-data");
        Path log = dataDir.resolve("portal.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process portal = new ProcessBuilder(List.of(java, "-jar", JAR.toString(),
                "--server.port=" + port, "--burnrate.data-dir=" + dataDir.toAbsolutePath(),
                "--burnrate.admin.initial-password=first-admin-password"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpResponse<String> login = awaitLoginPage(port, portal, log);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("window.Vaadin", "_csrf");
            // Start-up runners (the first admin) finish shortly after the server answers.
            awaitLogLine(log, "Created the first administrator 'admin'");
            // The built-in plugins ship inside the jar and are installed into the data folder on first start.
            long builtins = BuiltinPluginJars.count();
            awaitLogLine(log, "Plugins: " + builtins + " of " + builtins + " started");
            assertThat(Files.readString(log)).contains("Vaadin is running in production mode")
                    .doesNotContain("first-admin-password");
        } finally {
            portal.destroy();
            portal.waitFor();
        }
    }

    private static HttpResponse<String> awaitLoginPage(int port, Process portal, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!portal.isAlive()) {
                throw new AssertionError("The portal exited with " + portal.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYetListening) {
                Thread.sleep(500);
            }
        }
        throw new AssertionError("The portal did not answer within 3 minutes:\n" + Files.readString(log));
    }

    private static void awaitLogLine(Path log, String line) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!Files.readString(log).contains(line)) {
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
