package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provider ids recorded with an install (V093), on H2 and PostgreSQL: what the uninstall's orphan check reads
 * when a disabled or failed plugin has no live extensions to ask.
 */
class PluginInstallProvidersIT {

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theActiveInstallsProviderIdsAreRemembered(TestDatabase db) {
        var installs = new PluginInstallRepository(db.dsl());
        Instant t0 = Instant.parse("2025-03-01T12:00:00Z");
        installs.recordInstall("sample-provider", "1.0.0", "a".repeat(64), "sample-provider-1.0.0.jar",
                PluginSource.UPLOAD, t0, "admin");
        assertThat(installs.recordedProviderIds("sample-provider")).as("recorded before V093: none").isEmpty();

        // An upgrade closes the old record and records the new one with what it offers.
        installs.markUninstalled("sample-provider", t0.plusSeconds(60), "admin");
        installs.recordInstall("sample-provider", "1.0.1", "b".repeat(64), "sample-provider-1.0.1.jar",
                PluginSource.UPLOAD, t0.plusSeconds(60), "admin", List.of("sample-cloud", "sample-gpu"));
        assertThat(installs.recordedProviderIds("sample-provider")).containsExactly("sample-cloud", "sample-gpu");
        assertThat(installs.recordedProviderIds("provider-aws")).isEmpty();

        installs.markUninstalled("sample-provider", t0.plusSeconds(120), "admin");
        assertThat(installs.recordedProviderIds("sample-provider")).as("only an active install counts").isEmpty();
    }
}
