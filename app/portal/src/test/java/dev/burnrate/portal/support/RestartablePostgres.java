package dev.burnrate.portal.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server of its own (not the shared test server) that a test can stop and start again on the same
 * port and data folder, as an operator restarting the database would. The data survives the restart.
 */
public final class RestartablePostgres {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a new server with an empty data folder under {@code target/}. */
    public static RestartablePostgres startNew(String name) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "it-data"));
            RestartablePostgres postgres = new RestartablePostgres(
                    Files.createTempDirectory(parent, name).resolve("pgdata").toAbsolutePath(), freePort());
            postgres.start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the server on its data folder and port; a no-op when it runs. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again on port " + port, e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut, open transactions are lost). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
