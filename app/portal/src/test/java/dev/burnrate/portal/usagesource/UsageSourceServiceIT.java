package dev.burnrate.portal.usagesource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.audit.AuditEntry;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.plugin.PluginAdminService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.settings.SettingsService;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.FocusSamples;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.VersionSummary;
import dev.burnrate.portal.usagesource.UsageSourceRun.Status;
import dev.burnrate.portal.usagesource.UsageSourceRun.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Usage sources in the running demo portal with the sample folder source loaded from its jar: configuration,
 * "Run now" and the schedule each make one whole-or-nothing import, the run history keeps errors, and only stored
 * batches are acknowledged.
 */
class UsageSourceServiceIT extends BrowserTestBase {
    static final Path SAMPLE_JAR = Paths.get("target", "it-plugins", "burnrate-example-sample-folder-source.jar");
    static final String PLUGIN = "sample-folder-source";
    static final String SOURCE = "sample-folder";
    static final String HEADER = "BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
            + "BillingCurrency,ProviderName,ServiceName,ServiceCategory,ResourceId,Tags";

    @Autowired
    PluginHost host;
    @Autowired
    PluginAdminService plugins;
    @Autowired
    SettingsService settings;
    @Autowired
    UsageSourceService service;
    @Autowired
    UsageSourceJob job;
    @Autowired
    UsageDatasetService datasets;
    @Autowired
    AuditService audit;
    @Autowired
    ServerFolderFileSource dropFolder;

    private Path folder;
    private String dataset;
    private String prefix;

    static String row(String resource, String category, String cost, String day) {
        return "acct-1," + day + "T10:00:00Z," + day + "T11:00:00Z," + category + "," + cost
                + ",USD,Sample Cloud,GPU instances,Compute," + resource + ",\"{\"\"team\"\":\"\"ml-research\"\"}\"";
    }

    /** Installs the sample from its jar (as the upload does) and points it at a fresh folder. */
    static void installSample(PluginHost host, PluginAdminService plugins, SettingsService settings, Path folder)
            throws Exception {
        SystemRunner.runAsSystem(() -> {
            if (host.plugin(PLUGIN).isPresent()) {
                plugins.uninstall(PLUGIN);
            }
            settings.put("plugin." + PLUGIN + ".folder", folder.toString());
        });
        byte[] jar = Files.readAllBytes(SAMPLE_JAR);
        SystemRunner.callAsSystem(() -> {
            try {
                return plugins.install(SAMPLE_JAR.getFileName().toString(), jar);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void removeSample(PluginHost host, PluginAdminService plugins, UsageSourceService service) {
        SystemRunner.runAsSystem(() -> {
            if (service.sources().stream().anyMatch(s -> s.sourceId().equals(SOURCE) && s.config().isPresent())) {
                service.remove(SOURCE);
            }
            if (host.plugin(PLUGIN).isPresent()) {
                plugins.uninstall(PLUGIN);
            }
        });
    }

    @BeforeEach
    void sampleInstalled() throws Exception {
        assertThat(SAMPLE_JAR).as("the build copies the sample usage source here").exists();
        folder = Files.createTempDirectory("usage-source-it");
        prefix = UUID.randomUUID().toString().substring(0, 8);
        dataset = "source-it-" + prefix;
        installSample(host, plugins, settings, folder);
    }

    @AfterEach
    void sampleRemoved() {
        removeSample(host, plugins, service);
    }

    private <T> T admin(Supplier<T> work) {
        return RunAs.user(applicationContext, "admin", work, Role.ADMIN);
    }

    private void drop(String name, String... rows) throws Exception {
        Files.writeString(folder.resolve(prefix + "-" + name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private List<VersionSummary> versions() {
        return admin(() -> datasets.versions(dataset));
    }

    @Test
    void runNowImportsNewFilesAsOneVersionAndThenFindsNothingNew() throws Exception {
        drop("jan.csv", row("vm-1", "Usage", "10.5", "2025-01-06"), row("vm-2", "Usage", "4.5", "2025-01-06"));
        drop("feb.csv", row("vm-1", "Usage", "20", "2025-02-03"));
        admin(() -> service.configure(SOURCE, dataset, "team", 60, false));
        assertThat(admin(service::sources)).anySatisfy(s -> {
            assertThat(s.sourceId()).isEqualTo(SOURCE);
            assertThat(s.pluginId()).isEqualTo(PLUGIN);
            assertThat(s.displayName()).isEqualTo("Sample folder of FOCUS CSV files");
            assertThat(s.available()).isTrue();
        });

        UsageSourceRun run = admin(() -> service.runNow(SOURCE));
        assertThat(run.status()).as(run.message()).isEqualTo(Status.IMPORTED);
        assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
        assertThat(run.rowsRead()).isEqualTo(3);
        assertThat(run.runBy()).isEqualTo("admin");
        assertThat(run.message()).contains("Imported 3 rows", "2 file(s)");
        List<VersionSummary> versions = versions();
        assertThat(versions).hasSize(1);
        assertThat(versions.getFirst().key()).contains(run.versionKey());
        assertThat(versions.getFirst().rows()).isEqualTo(3);
        assertThat(versions.getFirst().billedCost()).isEqualTo(35.0);

        UsageSourceRun again = admin(() -> service.runNow(SOURCE));
        assertThat(again.status()).isEqualTo(Status.NOTHING_NEW);
        assertThat(versions()).hasSize(1);

        drop("mar.csv", row("vm-3", "Usage", "1", "2025-03-03"));
        UsageSourceRun third = admin(() -> service.runNow(SOURCE));
        assertThat(third.status()).isEqualTo(Status.IMPORTED);
        assertThat(versions()).hasSize(2);
        assertThat(versions().getLast().rows()).isEqualTo(4);
        assertThat(admin(() -> service.runs(SOURCE))).extracting(UsageSourceRun::status)
                .containsExactly(Status.IMPORTED, Status.NOTHING_NEW, Status.IMPORTED);
        assertThat(auditEntries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("usage.source.configure");
            assertThat(e.target()).isEqualTo("usage-source:" + SOURCE);
            assertThat(e.actor()).isEqualTo("admin");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("usage.source.run");
            assertThat(e.afterJson()).contains("IMPORTED", run.versionKey());
        });
    }

    @Test
    void aBrokenFileStoresNothingAndItsErrorIsInTheHistoryUntilItIsFixed() throws Exception {
        drop("good.csv", row("vm-1", "Usage", "1", "2025-01-06"));
        drop("zz-bad.csv", row("vm-2", "Usage", "1", "2025-01-06"), row("vm-3", "Usage", "lots", "2025-01-06"));
        admin(() -> service.configure(SOURCE, dataset, "team", 60, false));

        UsageSourceRun failed = admin(() -> service.runNow(SOURCE));
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.message()).isEqualTo("The source could not deliver usage: " + prefix
                + "-zz-bad.csv line 3, BilledCost: 'lots' is not a number");
        assertThat(versions()).isEmpty();
        assertThat(host.plugin(PLUGIN).orElseThrow().state().name()).isEqualTo("STARTED");

        drop("zz-bad.csv", row("vm-2", "Usage", "1", "2025-01-06"), row("vm-3", "Usage", "2", "2025-01-06"));
        UsageSourceRun fixed = admin(() -> service.runNow(SOURCE));
        assertThat(fixed.status()).as(fixed.message()).isEqualTo(Status.IMPORTED);
        assertThat(fixed.rowsRead()).as("the good file was not remembered by the failed run").isEqualTo(3);
        assertThat(admin(() -> service.runs(SOURCE))).extracting(UsageSourceRun::status)
                .containsExactly(Status.IMPORTED, Status.FAILED);
    }

    @Test
    void rowsValidationRejectsAreNotAcknowledgedAndStoreNothing() throws Exception {
        drop("odd.csv", row("vm-1", "Bogus", "1", "2025-01-06"));
        admin(() -> service.configure(SOURCE, dataset, "team", 60, false));

        UsageSourceRun rejected = admin(() -> service.runNow(SOURCE));
        assertThat(rejected.status()).isEqualTo(Status.REJECTED);
        assertThat(rejected.message()).startsWith("The rows were rejected and nothing was stored: ");
        assertThat(versions()).isEmpty();
        assertThat(admin(() -> service.runNow(SOURCE)).status()).as("delivered again, so rejected again")
                .isEqualTo(Status.REJECTED);
    }

    @Test
    void theScheduleRunsDueSourcesOnlyOnceAnIntervalAndSkipsDisabledOnes() throws Exception {
        drop("jan.csv", row("vm-1", "Usage", "1", "2025-01-06"));
        admin(() -> service.configure(SOURCE, dataset, "team", 60, false));
        assertThat(job.runDue()).isEmpty();

        admin(() -> service.configure(SOURCE, dataset, "team", 60, true));
        job.runDue(); // the portal's own schedule may have run it a moment earlier: either way, one run
        List<UsageSourceRun> runs = admin(() -> service.runs(SOURCE));
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(r.status()).as(r.message()).isEqualTo(Status.IMPORTED);
            assertThat(r.runBy()).isEqualTo("system");
        });
        assertThat(versions()).hasSize(1);
        assertThat(job.runDue()).as("not due again within the hour").isEmpty();
        assertThat(admin(() -> service.runs(SOURCE))).hasSize(1);
        assertThat(admin(service::sources)).filteredOn(s -> s.sourceId().equals(SOURCE)).singleElement()
                .satisfies(s -> assertThat(s.nextRun().orElseThrow()).isEqualTo(runs.getFirst().startedAt()
                        .plusSeconds(3600)));
    }

    @Test
    void aSourceWhosePluginIsGoneFailsClearly() throws Exception {
        admin(() -> service.configure(SOURCE, dataset, "team", 60, false));
        SystemRunner.runAsSystem(() -> plugins.uninstall(PLUGIN));
        assertThat(admin(service::sources)).filteredOn(s -> s.sourceId().equals(SOURCE)).singleElement()
                .satisfies(s -> assertThat(s.available()).isFalse());
        UsageSourceRun run = admin(() -> service.runNow(SOURCE));
        assertThat(run.status()).isEqualTo(Status.FAILED);
        assertThat(run.message()).isEqualTo("The source 'sample-folder' is not available: its plugin "
                + "(sample-folder-source) is not installed or not started.");
    }

    @Test
    void theBuiltInDropFolderImportsWholeFocusFilesOneARunAndSetsRejectedOnesAside() throws Exception {
        Path drop = Files.createDirectories(dropFolder.folder());
        Path sample = FocusSamples.sample(prefix + "-a-export.csv");
        Files.copy(sample, drop.resolve(sample.getFileName()));
        Files.writeString(drop.resolve(prefix + "-b-broken.csv"), "NotFocus,AtAll\n1,2\n");
        try {
            admin(() -> service.configure(ServerFolderFileSource.ID, dataset, "team", 60, false));
            assertThat(admin(service::sources)).filteredOn(s -> s.sourceId().equals(ServerFolderFileSource.ID))
                    .singleElement().satisfies(s -> assertThat(s.pluginId()).isEqualTo("built-in"));

            UsageSourceRun first = admin(() -> service.runNow(ServerFolderFileSource.ID));
            assertThat(first.status()).as(first.message()).isEqualTo(Status.IMPORTED);
            assertThat(first.message()).isEqualTo("Imported " + prefix + "-a-export.csv (500 rows).");
            assertThat(versions()).singleElement().satisfies(v -> {
                assertThat(v.rows()).isEqualTo(500);
                assertThat(v.sourceFileName()).isEqualTo(prefix + "-a-export.csv");
            });
            assertThat(drop.resolve("imported").resolve(prefix + "-a-export.csv")).exists();

            UsageSourceRun second = admin(() -> service.runNow(ServerFolderFileSource.ID));
            assertThat(second.status()).isEqualTo(Status.REJECTED);
            assertThat(second.message()).startsWith(prefix + "-b-broken.csv was rejected and nothing was stored: ");
            assertThat(versions()).hasSize(1);
            assertThat(drop.resolve("rejected").resolve(prefix + "-b-broken.csv")).exists();

            assertThat(admin(() -> service.runNow(ServerFolderFileSource.ID)).status())
                    .isEqualTo(Status.NOTHING_NEW);
        } finally {
            admin(() -> {
                service.remove(ServerFolderFileSource.ID);
                return null;
            });
        }
    }

    @Test
    void badSettingsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> admin(() -> service.configure(SOURCE, "no spaces!", "team", 60, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Dataset: letters, digits");
        assertThatThrownBy(() -> admin(() -> service.configure(SOURCE, dataset, "team", 0, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Run every: between 1 and");
        assertThatThrownBy(() -> admin(() -> service.configure("no-such-source", dataset, "team", 60, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No usage source 'no-such-source' is installed");
        assertThatThrownBy(() -> admin(() -> service.runNow("no-such-source")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Set up usage source");
    }

    @Test
    void onlyAdminsMayListConfigureOrRunSources() {
        for (Role role : List.of(Role.FINANCE, Role.ENGINEER)) {
            assertThatThrownBy(() -> RunAs.user(applicationContext, "someone", service::sources, role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user(applicationContext, "someone",
                    () -> service.configure(SOURCE, dataset, "team", 60, true), role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user(applicationContext, "someone", () -> service.runNow(SOURCE), role))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private List<AuditEntry> auditEntries() {
        return SystemRunner.callAsSystem(() -> audit.find(AuditFilter.none(), 0, 50));
    }
}
