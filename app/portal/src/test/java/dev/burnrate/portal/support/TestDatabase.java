package dev.burnrate.portal.support;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A freshly migrated database for one test class: H2 in PostgreSQL mode or a real PostgreSQL server.
 *
 * @param name shown in parameterised test names ("H2", "PostgreSQL")
 */
public record TestDatabase(String name, DataSource dataSource, SQLDialect dialect) {

    public DSLContext dsl() {
        return DSL.using(dataSource, dialect);
    }

    @Override
    public String toString() {
        return name;
    }
}
