package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.PLUGIN_STATE;

import dev.burnrate.api.PluginStateStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A plugin's {@link PluginStateStore} in the portal's database (table {@code plugin_state}), scoped to one plugin
 * id. Plugins call it from the host's worker threads, outside any transaction, so each write is its own atomic
 * statement (an upsert), as the API promises per key.
 */
final class JooqPluginStateStore implements PluginStateStore {
    /** The column's width; longer keys are refused with a clear message instead of a database error. */
    static final int MAX_KEY_LENGTH = 300;

    private final DSLContext dsl;
    private final Clock clock;
    private final String pluginId;

    JooqPluginStateStore(DSLContext dsl, Clock clock, String pluginId) {
        this.dsl = dsl;
        this.clock = clock;
        this.pluginId = pluginId;
    }

    @Override
    public Optional<String> get(String key) {
        return dsl.select(PLUGIN_STATE.STATE_VALUE).from(PLUGIN_STATE)
                .where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId), PLUGIN_STATE.STATE_KEY.eq(checkKey(key)))
                .fetchOptional(PLUGIN_STATE.STATE_VALUE);
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(value, "value");
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        dsl.insertInto(PLUGIN_STATE)
                .set(PLUGIN_STATE.PLUGIN_ID, pluginId)
                .set(PLUGIN_STATE.STATE_KEY, checkKey(key))
                .set(PLUGIN_STATE.STATE_VALUE, value)
                .set(PLUGIN_STATE.UPDATED_AT, now)
                .onConflict(PLUGIN_STATE.PLUGIN_ID, PLUGIN_STATE.STATE_KEY).doUpdate()
                .set(PLUGIN_STATE.STATE_VALUE, value)
                .set(PLUGIN_STATE.UPDATED_AT, now)
                .execute();
    }

    @Override
    public void delete(String key) {
        dsl.deleteFrom(PLUGIN_STATE)
                .where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId), PLUGIN_STATE.STATE_KEY.eq(checkKey(key)))
                .execute();
    }

    @Override
    public Map<String, String> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        Map<String, String> entries = new LinkedHashMap<>();
        // startsWith escapes % and _ in the prefix, so "a_b" does not match "axb".
        dsl.select(PLUGIN_STATE.STATE_KEY, PLUGIN_STATE.STATE_VALUE).from(PLUGIN_STATE)
                .where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId), PLUGIN_STATE.STATE_KEY.startsWith(prefix))
                .orderBy(PLUGIN_STATE.STATE_KEY)
                .forEach(r -> entries.put(r.value1(), r.value2()));
        return entries;
    }

    private static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("state keys are at most " + MAX_KEY_LENGTH + " characters: " + key);
        }
        return key;
    }
}
