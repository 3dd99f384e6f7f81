package dev.burnrate.api;

/**
 * A connector that brings usage and cost rows into Burnrate: a billing export, a cost API, files dropped in a
 * folder. An administrator points a source at a dataset and a schedule; each run the portal calls
 * {@link #fetchUsage()}, imports the batch as one new version of the dataset (validated like any import, whole or
 * nothing) and then calls {@link #acknowledge(UsageBatch)}, so the source remembers what was delivered only once it
 * is stored. A batch the portal could not store is never acknowledged: the next run fetches the same rows again.
 *
 * <p>Implementations keep their position (files read, the last export day, an API cursor) in
 * {@link PluginContext#store()}, which the portal keeps across restarts and upgrades.
 *
 * @since API 1.3.0
 */
public interface UsageSource extends BurnrateExtension {

    /**
     * The usage that arrived since the last acknowledged batch, or {@link UsageBatch#empty()} when nothing did.
     * Must not change what the source remembers: the portal may discard the batch (a rejected import, a crash) and
     * ask again. Keep batches to what one import may hold (a few million rows at most).
     *
     * @throws UsageSourceException when the source cannot be read (unreachable API, bad credentials, a malformed
     *                              file); its message is shown in the run history, so say what and where
     * @since API 1.3.0
     */
    UsageBatch fetchUsage() throws UsageSourceException;

    /**
     * Called once the batch's rows are stored (or the batch had no rows but a checkpoint): remember
     * {@link UsageBatch#checkpoint()} so that the next {@link #fetchUsage()} starts after it. The default does
     * nothing, for sources whose remote side tracks delivery itself.
     *
     * @since API 1.3.0
     */
    default void acknowledge(UsageBatch batch) {
    }
}
