package dev.burnrate.engine.plugin;

/**
 * One extension a plugin contributes.
 *
 * @param extensionPoint the simple name of the API interface, e.g. {@code CloudProvider}
 * @param id             the extension's {@code id()}, e.g. {@code aws}
 * @param displayName    its {@code displayName()}
 * @param className      the implementing class
 */
public record ExtensionInfo(String extensionPoint, String id, String displayName, String className) {
}
