package dev.burnrate.portal.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Burnrate's own settings ({@code burnrate.*}).
 *
 * @param dataDir    where the embedded database, datasets and plugins live
 * @param pluginsDir the folder plugins are loaded from
 * @param demo       demo mode: demo users and demo data; never in production
 * @param admin      the first administrator outside demo mode
 */
@ConfigurationProperties("burnrate")
public record BurnrateProperties(Path dataDir, Path pluginsDir, boolean demo, Admin admin) {

    public BurnrateProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        pluginsDir = pluginsDir == null ? dataDir.resolve("plugins") : pluginsDir;
        admin = admin == null ? new Admin(null) : admin;
    }

    /** @param initialPassword the first ADMIN's password when the database has no users yet */
    public record Admin(String initialPassword) {
        @Override
        public String toString() {
            return "Admin[initialPassword=" + (initialPassword == null || initialPassword.isEmpty() ? "unset" : "***") + "]";
        }
    }
}
