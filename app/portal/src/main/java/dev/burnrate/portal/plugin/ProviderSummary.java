package dev.burnrate.portal.plugin;

/** A cloud provider extension and how much it offers. */
public record ProviderSummary(String pluginId, String providerId, String displayName, int regions, int offerings) {
}
