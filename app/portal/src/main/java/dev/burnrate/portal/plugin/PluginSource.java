package dev.burnrate.portal.plugin;

/** Where an installed plugin came from. */
public enum PluginSource {
    /** Shipped inside the portal and installed on first start. */
    BUILTIN,
    /** Uploaded by an administrator. */
    UPLOAD
}
