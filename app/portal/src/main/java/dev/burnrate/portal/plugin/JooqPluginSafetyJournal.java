package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.PLUGIN_START_MARKERS;
import static dev.burnrate.portal.db.Tables.PLUGIN_SUSPENSIONS;

import dev.burnrate.engine.plugin.PluginSafetyJournal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plugin host's journal in the database. Every write commits in its own transaction before the method
 * returns, also when the caller is inside one (an admin's enable): a start marker must be on disk before the
 * plugin's first call, because the process may not live to commit anything else.
 */
final class JooqPluginSafetyJournal implements PluginSafetyJournal {
    private static final int MAX_REASON = 2000;

    private final DSLContext dsl;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    JooqPluginSafetyJournal(DSLContext dsl, Clock clock, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<String> suspension(String pluginId) {
        return dsl.select(PLUGIN_SUSPENSIONS.REASON).from(PLUGIN_SUSPENSIONS)
                .where(PLUGIN_SUSPENSIONS.PLUGIN_ID.eq(pluginId)).fetchOptional(PLUGIN_SUSPENSIONS.REASON);
    }

    @Override
    public void recordSuspension(String pluginId, String reason) {
        String text = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
        OffsetDateTime now = now();
        ownTransaction.executeWithoutResult(s -> dsl.insertInto(PLUGIN_SUSPENSIONS)
                .set(PLUGIN_SUSPENSIONS.PLUGIN_ID, pluginId)
                .set(PLUGIN_SUSPENSIONS.REASON, text)
                .set(PLUGIN_SUSPENSIONS.SUSPENDED_AT, now)
                .onConflict(PLUGIN_SUSPENSIONS.PLUGIN_ID).doUpdate()
                .set(PLUGIN_SUSPENSIONS.REASON, text)
                .set(PLUGIN_SUSPENSIONS.SUSPENDED_AT, now)
                .execute());
    }

    @Override
    public Optional<Instant> unfinishedStart(String pluginId) {
        return dsl.select(PLUGIN_START_MARKERS.STARTED_AT).from(PLUGIN_START_MARKERS)
                .where(PLUGIN_START_MARKERS.PLUGIN_ID.eq(pluginId))
                .fetchOptional(PLUGIN_START_MARKERS.STARTED_AT).map(OffsetDateTime::toInstant);
    }

    @Override
    public void startBegins(String pluginId) {
        OffsetDateTime now = now();
        ownTransaction.executeWithoutResult(s -> dsl.insertInto(PLUGIN_START_MARKERS)
                .set(PLUGIN_START_MARKERS.PLUGIN_ID, pluginId)
                .set(PLUGIN_START_MARKERS.STARTED_AT, now)
                .onConflict(PLUGIN_START_MARKERS.PLUGIN_ID).doUpdate()
                .set(PLUGIN_START_MARKERS.STARTED_AT, now)
                .execute());
        if (dsl.dialect().family() == SQLDialect.H2) {
            // H2 writes commits to its file up to 500 ms later; a process killed in that time would lose the marker.
            dsl.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    public void startEnded(String pluginId) {
        ownTransaction.executeWithoutResult(s -> dsl.deleteFrom(PLUGIN_START_MARKERS)
                .where(PLUGIN_START_MARKERS.PLUGIN_ID.eq(pluginId)).execute());
    }

    @Override
    public void forget(String pluginId) {
        ownTransaction.executeWithoutResult(s -> {
            dsl.deleteFrom(PLUGIN_SUSPENSIONS).where(PLUGIN_SUSPENSIONS.PLUGIN_ID.eq(pluginId)).execute();
            dsl.deleteFrom(PLUGIN_START_MARKERS).where(PLUGIN_START_MARKERS.PLUGIN_ID.eq(pluginId)).execute();
        });
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
