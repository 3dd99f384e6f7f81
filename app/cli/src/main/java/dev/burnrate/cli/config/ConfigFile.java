package dev.burnrate.cli.config;

import dev.burnrate.cli.CliException;
import dev.burnrate.cli.Terminal;
import dev.burnrate.cli.http.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * {@code ~/.config/burnrate/config.json} (or {@code $BURNRATE_CONFIG}): the portal last logged in to and one token
 * per portal, so a token is only ever sent to the server that issued it. Written whole to a temporary file that only
 * the owner can read (600, in a 700 folder) and moved into place, so a crash never leaves half a file or a readable
 * token.
 */
public final class ConfigFile {

    /** What {@code burnrate login} learnt about one portal. */
    public record Login(String token, String username, String tokenName, String expiresAt) {
    }

    /** The whole file: {@code server} is the default portal, {@code logins} is keyed by server URL. */
    public record Config(String server, Map<String, Login> logins) {

        public Config {
            logins = logins == null ? Map.of() : Map.copyOf(logins);
        }

        public static Config empty() {
            return new Config(null, Map.of());
        }

        public Config withLogin(String server, Login login) {
            Map<String, Login> all = new TreeMap<>(logins);
            all.put(server, login);
            return new Config(server, all);
        }
    }

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    public static ConfigFile of(Terminal terminal) {
        String explicit = terminal.env("BURNRATE_CONFIG");
        if (explicit != null) {
            return new ConfigFile(Path.of(explicit));
        }
        String xdg = terminal.env("XDG_CONFIG_HOME");
        Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new ConfigFile(base.resolve("burnrate").resolve("config.json"));
    }

    public Path path() {
        return path;
    }

    public Config read() {
        if (!Files.exists(path)) {
            return Config.empty();
        }
        try {
            return Json.MAPPER.readValue(Files.readString(path), Config.class);
        } catch (JacksonException e) {
            // only the position: the parser's message may quote the file, and the file holds tokens
            TokenStreamLocation at = e.getLocation();
            throw new CliException(path + " is not a Burnrate config file (unreadable"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + "): fix it, or delete it and run `burnrate login` again");
        } catch (IOException e) {
            throw new CliException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public void write(Config config) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Path folder = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                if (posix) {
                    Files.createDirectories(folder,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            Path temporary = posix
                    ? Files.createTempFile(folder, ".config", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, ".config", ".tmp");
            try {
                Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config));
                move(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CliException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
