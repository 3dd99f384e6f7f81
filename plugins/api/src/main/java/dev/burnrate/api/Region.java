package dev.burnrate.api;

import java.util.Objects;

/**
 * A provider region.
 *
 * @param id           the provider's own id, e.g. {@code eu-central-1}
 * @param name         a readable name, e.g. {@code Europe (Frankfurt)}
 * @param geography    ISO 3166-1 alpha-2 country code of where the data centres are, e.g. {@code DE}
 * @param jurisdiction the legal area whose data-protection law applies: {@code EU}, {@code US}, {@code UK},
 *                     {@code CH}, {@code CA}, {@code APAC}, ...
 * @param compliance   what the provider offers in this region
 */
public record Region(String id, String name, String geography, String jurisdiction, ComplianceFacts compliance) {
    public Region {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geography, "geography");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(compliance, "compliance");
    }
}
