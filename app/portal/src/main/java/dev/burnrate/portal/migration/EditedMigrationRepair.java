package dev.burnrate.portal.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets databases that ran a migration in another text than the file's pass Flyway's checksum validation again, for
 * the texts listed in {@link #KNOWN_EDITS} only. Each differed in a comment, so both texts ran the same DDL: the
 * stored checksum is set to the file's, and only when it is exactly the other text's. Any other mismatch is left for
 * Flyway to refuse. Runs before validation (also the validation that migrate does first); Spring Boot registers it
 * with its Flyway because it is a {@link Callback} bean.
 */
@Component
public class EditedMigrationRepair implements Callback {

    private static final Logger log = LoggerFactory.getLogger(EditedMigrationRepair.class);

    /**
     * A released migration some databases ran in another text than the file has.
     *
     * @param editedChecksum   Flyway's checksum of the other text, as databases that ran it have stored it
     * @param releasedChecksum Flyway's checksum of the text the file has
     */
    public record KnownEdit(String version, String script, int editedChecksum, int releasedChecksum, String what) {
    }

    /**
     * V044's comment line names Burnrate's metered dataset. The file keeps "metered-usage" (commit 7d19db7, the text
     * the portal's main line released); its first commit (ea4931b), and main from 9819e5b until it was put back, said
     * "burnrate-metered", and databases created then stored that text's checksum.
     */
    public static final List<KnownEdit> KNOWN_EDITS = List.of(
            new KnownEdit("044", "V044__budget_usage.sql", -281516803, 2108566850,
                    "the dataset name in a comment line differed"));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            String schema = historySchema(context, connection);
            String table = context.getConfiguration().getTable();
            if (!tableExists(connection, schema, table)) {
                return;
            }
            String qualified = (schema == null ? "" : quote(schema) + ".") + quote(table);
            for (KnownEdit edit : KNOWN_EDITS) {
                repair(connection, qualified, edit);
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot check the stored checksums of edited migrations: " + e.getMessage(), e);
        }
    }

    private static void repair(Connection connection, String table, KnownEdit edit) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + table
                + " set \"checksum\" = ? where \"script\" = ? and \"checksum\" = ?")) {
            update.setInt(1, edit.releasedChecksum());
            update.setString(2, edit.script());
            update.setInt(3, edit.editedChecksum());
            if (update.executeUpdate() > 0) {
                log.warn("Migration {} ({}) was recorded with the checksum of an edited text ({}); both texts run the"
                                + " same statements, so its stored checksum is set back to the released one ({} -> {})",
                        edit.version(), edit.script(), edit.what(), edit.editedChecksum(), edit.releasedChecksum());
            }
        }
    }

    /** Where Flyway keeps its history: the configured default schema, else the first schema, else the current. */
    private static String historySchema(Context context, Connection connection) throws SQLException {
        String configured = context.getConfiguration().getDefaultSchema();
        if (configured != null) {
            return configured;
        }
        String[] schemas = context.getConfiguration().getSchemas();
        return schemas.length > 0 ? schemas[0] : connection.getSchema();
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, table, null)) {
            return tables.next();
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String getCallbackName() {
        return "edited-migration-repair";
    }
}
