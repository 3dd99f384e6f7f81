package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.PLUGIN_INSTALLS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The install history of plugins. No authorisation here: {@link PluginAdminService} does that. */
@Repository
public class PluginInstallRepository {

    private final DSLContext dsl;

    public PluginInstallRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long recordInstall(String pluginId, String version, String sha256, String fileName, PluginSource source,
                              Instant at, String by) {
        return recordInstall(pluginId, version, sha256, fileName, source, at, by, List.of());
    }

    /** @param providerIds the cloud provider ids the install offers (kept for the uninstall's orphan check) */
    public long recordInstall(String pluginId, String version, String sha256, String fileName, PluginSource source,
                              Instant at, String by, Collection<String> providerIds) {
        return dsl.insertInto(PLUGIN_INSTALLS)
                .set(PLUGIN_INSTALLS.PROVIDER_IDS, providerIds.isEmpty() ? null : String.join(",", providerIds))
                .set(PLUGIN_INSTALLS.PLUGIN_ID, pluginId)
                .set(PLUGIN_INSTALLS.VERSION, version)
                .set(PLUGIN_INSTALLS.SHA256, sha256)
                .set(PLUGIN_INSTALLS.FILE_NAME, fileName)
                .set(PLUGIN_INSTALLS.SOURCE, source.name())
                .set(PLUGIN_INSTALLS.INSTALLED_AT, at.atOffset(ZoneOffset.UTC))
                .set(PLUGIN_INSTALLS.INSTALLED_BY, by)
                .returning(PLUGIN_INSTALLS.ID)
                .fetchSingle(PLUGIN_INSTALLS.ID);
    }

    /** Closes the active install of a plugin; returns how many records it closed (0 or 1). */
    public int markUninstalled(String pluginId, Instant at, String by) {
        return dsl.update(PLUGIN_INSTALLS)
                .set(PLUGIN_INSTALLS.UNINSTALLED_AT, at.atOffset(ZoneOffset.UTC))
                .set(PLUGIN_INSTALLS.UNINSTALLED_BY, by)
                .where(PLUGIN_INSTALLS.PLUGIN_ID.eq(pluginId), PLUGIN_INSTALLS.UNINSTALLED_AT.isNull())
                .execute();
    }

    public Optional<PluginInstallRecord> findActive(String pluginId) {
        return dsl.selectFrom(PLUGIN_INSTALLS)
                .where(PLUGIN_INSTALLS.PLUGIN_ID.eq(pluginId), PLUGIN_INSTALLS.UNINSTALLED_AT.isNull())
                .orderBy(PLUGIN_INSTALLS.ID.desc()).limit(1)
                .fetchOptional(PluginInstallRepository::toRecord);
    }

    /** The cloud provider ids recorded for the plugin's active install (empty when none were recorded). */
    public Set<String> recordedProviderIds(String pluginId) {
        String ids = dsl.select(PLUGIN_INSTALLS.PROVIDER_IDS).from(PLUGIN_INSTALLS)
                .where(PLUGIN_INSTALLS.PLUGIN_ID.eq(pluginId), PLUGIN_INSTALLS.UNINSTALLED_AT.isNull())
                .orderBy(PLUGIN_INSTALLS.ID.desc()).limit(1).fetchOptional(PLUGIN_INSTALLS.PROVIDER_IDS).orElse(null);
        return ids == null || ids.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(ids.split(",")));
    }

    /** Whether the plugin was ever installed (also if later uninstalled): built-ins are not forced back. */
    public boolean everInstalled(String pluginId) {
        return dsl.fetchExists(PLUGIN_INSTALLS, PLUGIN_INSTALLS.PLUGIN_ID.eq(pluginId));
    }

    public List<PluginInstallRecord> findAllActive() {
        return dsl.selectFrom(PLUGIN_INSTALLS).where(PLUGIN_INSTALLS.UNINSTALLED_AT.isNull())
                .orderBy(PLUGIN_INSTALLS.PLUGIN_ID).fetch(PluginInstallRepository::toRecord);
    }

    private static PluginInstallRecord toRecord(Record r) {
        return new PluginInstallRecord(r.get(PLUGIN_INSTALLS.ID), r.get(PLUGIN_INSTALLS.PLUGIN_ID),
                r.get(PLUGIN_INSTALLS.VERSION), r.get(PLUGIN_INSTALLS.SHA256), r.get(PLUGIN_INSTALLS.FILE_NAME),
                PluginSource.valueOf(r.get(PLUGIN_INSTALLS.SOURCE)), instant(r.get(PLUGIN_INSTALLS.INSTALLED_AT)),
                r.get(PLUGIN_INSTALLS.INSTALLED_BY), instant(r.get(PLUGIN_INSTALLS.UNINSTALLED_AT)),
                r.get(PLUGIN_INSTALLS.UNINSTALLED_BY));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
