package dev.burnrate.engine.plugin;

import dev.burnrate.api.BurnrateExtension;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's record of one plugin: its descriptor, its live (guarded) extensions while started, and its last
 * failure. Only {@link PluginHost} changes it, under its lock.
 */
final class LoadedPlugin {
    /** A live extension: the guarded proxy callers use, and the facts the admin view shows. */
    record Live(BurnrateExtension proxy, Object target, ExtensionInfo info) {
    }

    final String id;
    final Path path;
    String version;
    String provider;
    String description;
    String requires;
    String sha256;
    boolean inPf4j;
    List<Live> extensions = List.of();
    String error;
    /** Set when the host keeps the plugin from starting (safe mode, a suspension from before a restart). */
    HostPluginState heldState;
    String heldReason;

    LoadedPlugin(String id, Path path) {
        this.id = id;
        this.path = path;
    }
}
