package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.api.UsageSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for {@link UsageSource} plugins. Extend it, return a fresh source from
 * {@link #createSource()}, and make new usage appear in {@link #arrangeNewUsage(InMemoryPluginContext)} (drop a
 * file, add rows to a fake API): the suite checks that batches are well-formed, that fetching without acknowledging
 * changes nothing, and that acknowledged rows are never delivered again.
 *
 * <pre>{@code
 * class MySourceConformanceTest extends UsageSourceConformanceTest {
 *     protected UsageSource createSource() { return new MySource(); }
 *     protected void configure(InMemoryPluginContext c) { c.withSetting("folder", tempDir.toString()); }
 *     protected void arrangeNewUsage(InMemoryPluginContext c) throws Exception { dropAnExportInto(tempDir); }
 * }
 * }</pre>
 *
 * @since API 1.3.0
 */
public abstract class UsageSourceConformanceTest {
    protected UsageSource source;
    protected InMemoryPluginContext context;

    /** A new, uninitialised instance of the source under test. */
    protected abstract UsageSource createSource();

    /** Makes at least one new row available to the source (each call new rows, not seen before). */
    protected abstract void arrangeNewUsage(InMemoryPluginContext context) throws Exception;

    /** Sets the settings the source needs before {@code init}; by default none. */
    protected void configure(InMemoryPluginContext context) throws Exception {
    }

    @BeforeEach
    void initialiseSource() throws Exception {
        source = createSource();
        context = new InMemoryPluginContext(source.id() == null ? "plugin-under-test" : source.id());
        configure(context);
        source.init(context);
    }

    @Test
    void identityConforms() {
        assertConforms(UsageSourceConformance.checkIdentity(source.id(), source.displayName()));
    }

    @Test
    void deliversWellFormedRows() throws Exception {
        arrangeNewUsage(context);
        UsageBatch batch = source.fetchUsage();
        assertConforms(UsageSourceConformance.check(batch));
        assertFalse(batch.records().isEmpty(), "new usage was arranged but fetchUsage() delivered no rows");
    }

    @Test
    void fetchingWithoutAcknowledgingChangesNothing() throws Exception {
        arrangeNewUsage(context);
        UsageBatch first = source.fetchUsage();
        UsageBatch again = source.fetchUsage();
        assertEquals(first.records(), again.records(),
                "a batch that was not acknowledged (the portal could not store it) must be delivered again");
        assertEquals(first.checkpoint(), again.checkpoint());
    }

    @Test
    void acknowledgedRowsAreNotDeliveredAgain() throws Exception {
        arrangeNewUsage(context);
        UsageBatch first = source.fetchUsage();
        assertFalse(first.records().isEmpty(), "new usage was arranged but fetchUsage() delivered no rows");
        source.acknowledge(first);
        UsageBatch afterwards = source.fetchUsage();
        assertNotNull(afterwards, "fetchUsage() returned null; return UsageBatch.empty()");
        assertTrue(afterwards.records().isEmpty(),
                "after acknowledge, nothing new arrived, yet " + afterwards.records().size() + " rows came again");
    }

    @Test
    void usageArrivingLaterIsDeliveredOnce() throws Exception {
        arrangeNewUsage(context);
        UsageBatch first = source.fetchUsage();
        source.acknowledge(first);
        arrangeNewUsage(context);
        UsageBatch second = source.fetchUsage();
        assertConforms(UsageSourceConformance.check(second));
        assertFalse(second.records().isEmpty(), "usage that arrived after an acknowledged batch was not delivered");
        Set<UsageRecord> seen = new HashSet<>(first.records());
        List<UsageRecord> repeated = second.records().stream().filter(seen::contains).toList();
        assertTrue(repeated.isEmpty(), repeated.size() + " acknowledged rows were delivered again");
    }

    private static void assertConforms(List<Violation> violations) {
        if (!violations.isEmpty()) {
            fail(violations.size() + " conformance violation(s):\n"
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }
}
