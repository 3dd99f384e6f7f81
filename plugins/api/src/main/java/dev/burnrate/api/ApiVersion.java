package dev.burnrate.api;

/**
 * The version of this contract. Plugins declare the range they were built for with PF4J's
 * {@code Plugin-Requires} manifest entry (for example {@code >=1.0.0 & <2.0.0}); the host refuses a plugin whose
 * range does not contain {@link #CURRENT}. Minor versions only add; a major version may break.
 */
public final class ApiVersion {
    public static final String CURRENT = "1.0.0";

    private ApiVersion() {
    }
}
