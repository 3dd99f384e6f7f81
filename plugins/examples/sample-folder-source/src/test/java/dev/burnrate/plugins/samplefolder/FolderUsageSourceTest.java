package dev.burnrate.plugins.samplefolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.api.UsageSourceException;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading FOCUS CSV files from the folder, what it remembers, and messages that say what and where. */
class FolderUsageSourceTest {
    static final String HEADER = "BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
            + "BillingCurrency,ProviderName,ResourceId,ServiceName,ServiceCategory,Tags";

    @TempDir
    Path folder;
    private InMemoryPluginContext context;
    private FolderUsageSource source;

    static String line(String resource, String cost, String start) {
        String end = start.substring(0, 11) + "11" + start.substring(13);
        return "acct-1," + start + "," + end + ",Usage," + cost + ",USD,Sample Cloud," + resource
                + ",\"Compute, GPU\",Compute,\"{\"\"team\"\": \"\"ml\"\", \"\"gpus\"\": 8}\"";
    }

    @BeforeEach
    void setUp() {
        context = new InMemoryPluginContext("sample-folder-source").withSetting("folder", folder.toString());
        source = new FolderUsageSource();
        source.init(context);
    }

    @Test
    void readsFocusColumnsQuotedCellsAndTags() throws Exception {
        Files.writeString(folder.resolve("a.csv"), HEADER + "\r\n" + line("vm-1", "2.25", "2025-01-06 10:00:00")
                + "\r\n");
        UsageBatch batch = source.fetchUsage();
        assertEquals(1, batch.records().size());
        UsageRecord r = batch.records().getFirst();
        assertEquals(Instant.parse("2025-01-06T10:00:00Z"), r.chargePeriodStart());
        assertEquals(Instant.parse("2025-01-06T11:00:00Z"), r.chargePeriodEnd());
        assertEquals(2.25, r.billedCost());
        assertEquals(2.25, r.effectiveCost(), "EffectiveCost defaults to BilledCost");
        assertEquals("Compute, GPU", r.serviceName());
        assertEquals("Compute", r.serviceCategory());
        assertEquals(Map.of("team", "ml", "gpus", "8"), r.tags());
        assertEquals("1 file(s): a.csv", batch.description());
    }

    @Test
    void remembersOnlyAcknowledgedFilesAndSkipsOtherFiles() throws Exception {
        Files.writeString(folder.resolve("b.csv"), HEADER + "\n" + line("vm-2", "1", "2025-01-06 10:00:00"));
        Files.writeString(folder.resolve("a.csv"), HEADER + "\n" + line("vm-1", "1", "2025-01-06 10:00:00"));
        Files.writeString(folder.resolve("notes.txt"), "not usage");
        UsageBatch batch = source.fetchUsage();
        assertEquals("2 file(s): a.csv, b.csv", batch.description());
        assertTrue(context.store().list("file:").isEmpty(), "nothing is remembered before acknowledge");
        source.acknowledge(batch);
        assertEquals(2, context.store().list("file:").size());
        assertTrue(context.store().get("file:a.csv").orElseThrow().matches("[0-9a-f]{64}"));
        assertTrue(source.fetchUsage().records().isEmpty());
    }

    @Test
    void saysWhichFileLineAndColumnIsWrong() throws Exception {
        Files.writeString(folder.resolve("bad.csv"), HEADER + "\n" + line("vm-1", "1", "2025-01-06 10:00:00") + "\n"
                + line("vm-2", "abc", "2025-01-06 10:00:00") + "\n");
        UsageSourceException e = assertThrows(UsageSourceException.class, source::fetchUsage);
        assertEquals("bad.csv line 3, BilledCost: 'abc' is not a number", e.getMessage());

        Files.writeString(folder.resolve("bad.csv"), "BilledCost,BillingCurrency\n1,USD\n");
        e = assertThrows(UsageSourceException.class, source::fetchUsage);
        assertEquals("bad.csv line 1: the header lacks the FOCUS column(s) ChargePeriodStart, ChargePeriodEnd",
                e.getMessage());
    }

    @Test
    void refusesAMissingOrWrongFolderClearly() {
        FolderUsageSource unset = new FolderUsageSource();
        unset.init(new InMemoryPluginContext("sample-folder-source"));
        UsageSourceException e = assertThrows(UsageSourceException.class, unset::fetchUsage);
        assertEquals("no folder is set: give the plugin setting 'folder' (portal setting "
                + "plugin.sample-folder-source.folder)", e.getMessage());
        context.withSetting("folder", folder.resolve("missing").toString());
        e = assertThrows(UsageSourceException.class, source::fetchUsage);
        assertTrue(e.getMessage().endsWith("missing does not exist or is not a folder"), e.getMessage());
    }

    @Test
    void readsNullTokensAndIsoTimes() throws Exception {
        Files.writeString(folder.resolve("c.csv"), "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,"
                + "BillingCurrency,RegionId\n2025-01-06T10:00:00Z,2025-01-07,3,2,EUR,NULL\n");
        UsageRecord r = source.fetchUsage().records().getFirst();
        assertEquals(Instant.parse("2025-01-07T00:00:00Z"), r.chargePeriodEnd());
        assertEquals(2.0, r.effectiveCost());
        assertEquals(2.0, r.contractedCost(), "ContractedCost defaults to EffectiveCost");
        assertEquals(null, r.regionId());
    }
}
