package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plugin tables on H2 and PostgreSQL: the state store's contract and the install history. */
class PluginPersistenceIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void stateStoreKeepsEachPluginsKeysApart(TestDatabase db) {
        var aws = new JooqPluginStateStore(db.dsl(), CLOCK, "provider-aws");
        var gcp = new JooqPluginStateStore(db.dsl(), CLOCK, "provider-gcp");
        aws.put("resource/b", "2");
        aws.put("resource/a", "1");
        aws.put("resource/a", "1 again");
        aws.put("resourcexa", "not under the prefix");
        aws.put("res_urce/z", "underscore is no wildcard");
        gcp.put("resource/a", "gcp's own");

        assertThat(aws.get("resource/a")).contains("1 again");
        assertThat(aws.list("resource/")).containsExactly(
                org.assertj.core.api.Assertions.entry("resource/a", "1 again"),
                org.assertj.core.api.Assertions.entry("resource/b", "2"));
        assertThat(aws.list("res_urce/")).containsOnlyKeys("res_urce/z");
        assertThat(gcp.list("")).containsOnlyKeys("resource/a");

        aws.delete("resource/a");
        assertThat(aws.get("resource/a")).isEmpty();
        assertThat(gcp.get("resource/a")).contains("gcp's own");
        String multiLine = "id=1\nstate=RUNNING\nname=ünïcode ✓\n";
        aws.put("resource/c", multiLine);
        assertThat(aws.get("resource/c")).contains(multiLine);
        assertThatThrownBy(() -> aws.put("k".repeat(301), "v")).hasMessageContaining("at most 300");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void installHistoryRemembersUninstalledPlugins(TestDatabase db) {
        var installs = new PluginInstallRepository(db.dsl());
        Instant t0 = Instant.parse("2025-03-01T12:00:00Z");
        installs.recordInstall("provider-aws", "0.1.0", "a".repeat(64), "provider-aws-0.1.0.jar",
                PluginSource.BUILTIN, t0, "system");

        PluginInstallRecord active = installs.findActive("provider-aws").orElseThrow();
        assertThat(active.source()).isEqualTo(PluginSource.BUILTIN);
        assertThat(active.installedAt()).isEqualTo(t0);
        assertThat(active.active()).isTrue();

        assertThat(installs.markUninstalled("provider-aws", t0.plusSeconds(60), "admin")).isEqualTo(1);
        assertThat(installs.findActive("provider-aws")).isEmpty();
        assertThat(installs.everInstalled("provider-aws")).isTrue();
        assertThat(installs.everInstalled("provider-gcp")).isFalse();
        assertThat(installs.findAllActive()).isEmpty();
        assertThatThrownBy(() -> db.dsl().insertInto(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS)
                .set(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS.PLUGIN_ID, "x")
                .set(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS.VERSION, "1")
                .set(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS.SHA256, "s")
                .set(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS.FILE_NAME, "f")
                .set(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS.SOURCE, "STOLEN")
                .set(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS.INSTALLED_AT, t0.atOffset(ZoneOffset.UTC))
                .set(dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS.INSTALLED_BY, "x").execute())
                .isInstanceOf(org.jooq.exception.DataAccessException.class);
    }
}
