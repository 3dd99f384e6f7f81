package dev.burnrate.plugins.testkit;

import dev.burnrate.plugins.checker.PluginPackageInspector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a built plugin jar (or zip) with the portal's own check, {@link PluginPackageInspector}: the same rules
 * and the same messages as an upload in Admin &gt; Plugins (manifest entries, id, version, {@code Plugin-Requires}
 * against this API version, {@code Plugin-Class}, an extension index naming classes present in the archive, no
 * bundled API or PF4J, no calls that end the portal process). A jar this passes, the portal accepts, unless it
 * clashes with a plugin already installed there.
 */
public final class PluginJarChecker {
    public static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";

    private PluginJarChecker() {
    }

    /** Every problem the portal would refuse the archive for; empty when it is installable. */
    public static List<String> check(Path jar) throws IOException {
        return new PluginPackageInspector().problems(jar);
    }

    /** The extension class names the archive's {@value #EXTENSIONS_INDEX} lists. */
    public static List<String> extensionClassNames(Path jar) throws IOException {
        return new PluginPackageInspector().extensionClassNames(jar);
    }
}
