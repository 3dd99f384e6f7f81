package dev.burnrate.plugins.samplefolder;

import dev.burnrate.api.UsageSource;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import dev.burnrate.plugins.testkit.UsageSourceConformanceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's usage source suite against the folder source: each arranged export is a new file. */
class FolderUsageSourceConformanceTest extends UsageSourceConformanceTest {
    @TempDir
    Path folder;
    private int files;

    @Override
    protected UsageSource createSource() {
        return new FolderUsageSource();
    }

    @Override
    protected void configure(InMemoryPluginContext context) {
        context.withSetting("folder", folder.toString());
    }

    @Override
    protected void arrangeNewUsage(InMemoryPluginContext context) throws Exception {
        files++;
        Files.writeString(folder.resolve("export-" + files + ".csv"), FolderUsageSourceTest.HEADER + "\n"
                + FolderUsageSourceTest.line("vm-" + files, "1.50", "2025-01-0" + files + " 10:00:00") + "\n");
    }
}
