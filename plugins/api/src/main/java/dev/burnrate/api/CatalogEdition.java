package dev.burnrate.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which edition of its built-in price catalog a provider ships: the portal shows it next to the prices, so a reader
 * knows how old they are and where they come from (see {@link CloudProvider#catalogEdition()}; since API 1.3.0).
 *
 * @param version the catalog's own version, e.g. {@code "SkyPilot v9 @ 2c3d7ea"}
 * @param date    the day the prices were taken from their source
 * @param source  where they come from, e.g. a repository and path
 */
public record CatalogEdition(String version, LocalDate date, String source) {

    public CatalogEdition {
        Objects.requireNonNull(date, "date");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a catalog edition needs a version");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a catalog edition needs a source");
        }
    }

    /** One line for people, e.g. {@code SkyPilot v9 @ 2c3d7ea of 2026-12-07}. */
    public String describe() {
        return version + " of " + date;
    }
}
