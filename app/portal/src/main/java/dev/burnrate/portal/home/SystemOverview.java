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
import org.springframework.transaction.annotation.Transactional;

/** What the portal runs on: database, schema version, mode, users and teams. */
@Component
class SystemOverview implements OverviewProvider {

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final Flyway flyway;
    private final BurnrateProperties properties;

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
    @Transactional(readOnly = true)
    public List<OverviewFigure> figures() {
        List<OverviewFigure> figures = new ArrayList<>();
        figures.add(new OverviewFigure("System", "Database", databaseProduct(), databaseLocation(), null));
        var current = flyway.info().current();
        figures.add(new OverviewFigure("System", "Schema version", current == null ? "none" : current.getVersion().getVersion(),
                current == null ? null : current.getDescription(), null));
        figures.add(new OverviewFigure("System", "Mode", properties.demo() ? "Demo" : "Production",
                properties.demo() ? "Demo users and demo data are loaded" : null, null));
        figures.add(new OverviewFigure("System", "Users", String.valueOf(dsl.fetchCount(USERS)),
                dsl.fetchCount(TEAMS) + " teams", null));
        figures.add(new OverviewFigure("System", "Audit log", dsl.fetchCount(AUDIT_LOG) + " entries", null, null));
        return figures;
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
