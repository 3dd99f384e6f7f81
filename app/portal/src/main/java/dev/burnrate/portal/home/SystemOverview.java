package dev.burnrate.portal.home;

import static dev.burnrate.portal.db.Tables.AUDIT_LOG;
import static dev.burnrate.portal.db.Tables.TEAMS;
import static dev.burnrate.portal.db.Tables.USERS;

import dev.burnrate.portal.base.BurnrateProperties;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * What the portal runs on: database, schema version, mode, users and teams.
 *
 * <p>Runs without a transaction, and reads the facts that cannot change while the portal runs (database, schema
 * version: migrations run only at start-up) once. Flyway takes connections of its own from the pool, outside any
 * Spring transaction: asked inside a transaction, every home page view held one connection while it waited for
 * another, so ten users landing on the home page at once held all ten of the pool's connections and waited 30 s for
 * an eleventh (found by the load harness, {@code PortalLoadIT}; proven by {@code ConcurrentUsers*IT}).
 */
@Component
class SystemOverview implements OverviewProvider {

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final Flyway flyway;
    private final BurnrateProperties properties;
    private volatile List<OverviewFigure> fixedFacts;

    SystemOverview(DSLContext dsl, DataSource dataSource, Flyway flyway, BurnrateProperties properties) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<OverviewFigure> figures() {
        List<OverviewFigure> figures = new ArrayList<>(fixedFacts());
        figures.add(new OverviewFigure("System", "Mode", properties.demo() ? "Demo" : "Production",
                properties.demo() ? "Demo users and demo data are loaded" : null, null));
        figures.add(new OverviewFigure("System", "Users", String.valueOf(dsl.fetchCount(USERS)),
                dsl.fetchCount(TEAMS) + " teams", null));
        figures.add(new OverviewFigure("System", "Audit log", dsl.fetchCount(AUDIT_LOG) + " entries", null, null));
        return figures;
    }

    /** Database and schema version, read by one caller at a time and kept once read. */
    private List<OverviewFigure> fixedFacts() {
        List<OverviewFigure> facts = fixedFacts;
        if (facts == null) {
            synchronized (this) {
                facts = fixedFacts;
                if (facts == null) {
                    var current = flyway.info().current();
                    facts = List.of(
                            new OverviewFigure("System", "Database", databaseProduct(), databaseLocation(), null),
                            new OverviewFigure("System", "Schema version",
                                    current == null ? "none" : current.getVersion().getVersion(),
                                    current == null ? null : current.getDescription(), null));
                    fixedFacts = facts;
                }
            }
        }
        return facts;
    }

    private String databaseProduct() {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource,
                    (DatabaseMetaData meta) -> meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The JDBC URL without credentials or options, e.g. {@code jdbc:h2:file:./data/burnrate}. */
    private String databaseLocation() {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            int cut = url.indexOf(';');
            int query = url.indexOf('?');
            if (query >= 0 && (cut < 0 || query < cut)) {
                cut = query;
            }
            return cut >= 0 ? url.substring(0, cut) : url;
        } catch (Exception e) {
            return null;
        }
    }
}
