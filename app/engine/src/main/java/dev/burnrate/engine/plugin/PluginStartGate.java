package dev.burnrate.engine.plugin;

/**
 * Keeps a plugin that hurt the portal from doing it again after a restart, through the {@link PluginSafetyJournal}:
 * says whether a plugin may start (not when it was suspended, or when the process died during its last start), and
 * wraps every start in the journal's start marker.
 */
final class PluginStartGate {
    private static final System.Logger LOG = System.getLogger(PluginStartGate.class.getName());

    private final PluginSafetyJournal journal;

    PluginStartGate(PluginSafetyJournal journal) {
        this.journal = journal;
    }

    /**
     * Why a plugin must not start now: its start did not end last time (the process died during its first
     * calls), or it was suspended before the restart. {@code null} when it may start.
     */
    String heldBack(String pluginId) {
        var unfinished = journal.unfinishedStart(pluginId);
        if (unfinished.isPresent()) {
            String reason = "the portal stopped while this plugin was starting (" + unfinished.get()
                    + "), so it was not started again; enable it to try once more";
            journal.recordSuspension(pluginId, reason);
            journal.startEnded(pluginId);
            return reason;
        }
        return journal.suspension(pluginId).map(r -> "suspended before the last restart: " + r).orElse(null);
    }

    /** Runs a plugin's start (its first calls into its own code) inside the start marker. */
    void marked(String pluginId, Runnable start) {
        journal.startBegins(pluginId);
        try {
            start.run();
        } finally {
            if (shutdownInProgress()) {
                // The plugin ended the process (e.g. System.exit by reflection, which no scan sees): the marker
                // stays, so the next start holds the plugin back and says why, instead of blaming a timeout.
                LOG.log(System.Logger.Level.ERROR, "the process is ending while plugin {0} starts", pluginId);
            } else {
                journal.startEnded(pluginId);
            }
        }
    }

    /** An administrator decided about the plugin: what held it back no longer counts. */
    void forget(String pluginId) {
        journal.forget(pluginId);
    }

    /** The JVM refuses new shutdown hooks once it has begun to shut down; there is no other way to ask. */
    private static boolean shutdownInProgress() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
