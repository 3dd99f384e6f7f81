package dev.burnrate.portal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.support.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V079 on an install with money stored as double precision: the money columns become NUMERIC with the scale
 * the migration gives them, amounts written as doubles before it survive as the decimals they stand for, and
 * the defaults and check constraints on them still hold.
 */
class ExactMoneyColumnsMigrationIT {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String TS = "timestamp with time zone '2026-03-01 10:00:00+00'";
    /** table.column to {precision, scale} after V079. */
    private static final Map<String, List<Integer>> NUMERIC_COLUMNS = Map.ofEntries(
            Map.entry("budget_reservations.amount", List.of(19, 6)),
            Map.entry("exchange_rates.rate", List.of(24, 12)),
            Map.entry("provisioning_requests.hourly_cost", List.of(24, 12)),
            Map.entry("provisioning_requests.expected_total", List.of(19, 6)),
            Map.entry("provisioning_requests.p90_total", List.of(19, 6)),
            Map.entry("resources.hourly_cost", List.of(24, 12)),
            Map.entry("resources.cost_to_date", List.of(19, 6)),
            Map.entry("metered_usage.billed_cost", List.of(24, 12)),
            Map.entry("metered_usage.effective_cost", List.of(24, 12)),
            Map.entry("metered_usage.list_cost", List.of(24, 12)),
            Map.entry("usage_versions.billed_cost", List.of(24, 6)),
            Map.entry("usage_versions.effective_cost", List.of(24, 6)),
            Map.entry("usage_versions.list_cost", List.of(24, 6)),
            Map.entry("usage_versions.contracted_cost", List.of(24, 6)),
            Map.entry("simulation_runs.recommended_cost", List.of(19, 6)));

    static Stream<Arguments> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + Paths.get("target", "h2-test", "v079-" + ProcessHandle.current().pid(),
                "db" + COUNTER.incrementAndGet()).toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        String name = "v079x" + COUNTER.incrementAndGet();
        TestDatabases.createPostgresDatabase(name);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(TestDatabases.postgresUrl(name));
        postgres.setUser("postgres");
        postgres.setPassword("postgres");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", postgres));
    }

    private static void migrate(DataSource db, String target) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target(target).load().migrate();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void moneyColumnsBecomeNumericWithTheirScale(String product, DataSource db) {
        migrate(db, "78");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        NUMERIC_COLUMNS.keySet().forEach(c -> assertThat(type(jdbc, c)).as(c).startsWith("double"));

        migrate(db, "latest");

        NUMERIC_COLUMNS.forEach((column, size) -> {
            String[] parts = column.split("\\.");
            Map<String, Object> info = jdbc.queryForMap("select data_type, numeric_precision, numeric_scale from "
                    + "information_schema.columns where table_name = ? and column_name = ?", parts[0], parts[1]);
            assertThat(String.valueOf(info.get("data_type")).toLowerCase(Locale.ROOT)).as(column)
                    .isIn("numeric", "decimal");
            assertThat(((Number) info.get("numeric_precision")).intValue()).as(column).isEqualTo(size.get(0));
            assertThat(((Number) info.get("numeric_scale")).intValue()).as(column).isEqualTo(size.get(1));
        });
        // durations and quantities are not money and stay double precision
        assertThat(type(jdbc, "provisioning_requests.duration_hours")).startsWith("double");
        assertThat(type(jdbc, "metered_usage.consumed_quantity")).startsWith("double");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void amountsStoredAsDoublesSurviveAsTheDecimalsTheyStandFor(String product, DataSource db) {
        migrate(db, "78");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        double pointThree = 0.1 + 0.2; // 0.30000000000000004 as a double
        long team = oldRows(jdbc, pointThree);

        migrate(db, "latest");

        assertThat(decimal(jdbc, "select amount from budget_reservations where request_id = 'r1'"))
                .isEqualByComparingTo("0.3");
        assertThat(decimal(jdbc, "select rate from exchange_rates where from_currency = 'EUR'"))
                .isEqualByComparingTo("1.1");
        assertThat(decimal(jdbc, "select hourly_cost from provisioning_requests where id = 'r1'"))
                .isEqualByComparingTo("0.000031506849");
        assertThat(decimal(jdbc, "select expected_total from provisioning_requests where id = 'r1'"))
                .isEqualByComparingTo("1234.56");
        assertThat(decimal(jdbc, "select p90_total from provisioning_requests where id = 'r1'"))
                .isEqualByComparingTo("0.3");
        assertThat(decimal(jdbc, "select hourly_cost from resources where id = 'res1'"))
                .isEqualByComparingTo("0.000031506849");
        assertThat(decimal(jdbc, "select cost_to_date from resources where id = 'res1'"))
                .isEqualByComparingTo("0.3");
        assertThat(decimal(jdbc, "select billed_cost from metered_usage where resource_id = 'res1'"))
                .isEqualByComparingTo("0.3");
        assertThat(decimal(jdbc, "select effective_cost from metered_usage where resource_id = 'res1'"))
                .isEqualByComparingTo("0.000031506849");
        // ten rows of 0.1 + 0.2 add up to exactly 3 now, not 3.0000000000000004
        for (int i = 2; i <= 10; i++) {
            jdbc.update("insert into budget_reservations (account_key, request_id, amount, created_at) values "
                    + "('acc', 'r" + i + "', ?, " + TS + ")", new BigDecimal("0.3"));
        }
        assertThat(decimal(jdbc, "select sum(amount) from budget_reservations")).isEqualByComparingTo("3");

        // the check constraints and the default still hold
        assertThatThrownBy(() -> jdbc.update("insert into budget_reservations (account_key, request_id, amount,"
                + " created_at) values ('acc', 'neg', -0.01, " + TS + ")")).hasMessageContaining("ck_budget_");
        assertThatThrownBy(() -> jdbc.update("insert into exchange_rates (from_currency, to_currency, rate_date,"
                + " rate, created_by, created_at) values ('GBP', 'USD', date '2026-03-01', 0, 'admin', " + TS + ")"))
                .hasMessageContaining("ck_exchange_rates_rate");
        jdbc.update("delete from metered_usage");
        jdbc.update("delete from resources");
        insertResource(jdbc, "res2", team);
        assertThat(decimal(jdbc, "select cost_to_date from resources where id = 'res2'")).isEqualByComparingTo("0");
    }

    private static long oldRows(JdbcTemplate jdbc, double pointThree) {
        double hourly = 0.023 / 730; // an hour of one GB of storage: 0.0000315..., kept to 12 decimals
        jdbc.update("insert into teams (name) values ('numeric-team')");
        long team = jdbc.queryForObject("select id from teams where name = 'numeric-team'", Long.class);
        jdbc.update("insert into budget_accounts (account_key, budget_id, scope, scope_value, period, period_start,"
                + " period_end) values ('acc', 'b', 'TEAM', 'numeric-team', 'MONTH', " + TS + ", " + TS + ")");
        jdbc.update("insert into budget_reservations (account_key, request_id, amount, created_at) values "
                + "('acc', 'r1', ?, " + TS + ")", pointThree);
        jdbc.update("insert into exchange_rates (from_currency, to_currency, rate_date, rate, created_by, created_at)"
                + " values ('EUR', 'USD', date '2026-03-01', ?, 'admin', " + TS + ")", 1.1);
        jdbc.update("insert into provisioning_requests (id, team_id, requested_by, template, name, provider_id,"
                + " region_id, instance_type, instance_count, purchase_option, tags_json, encrypted,"
                + " private_network, checkpointing, deadline_critical, hourly_cost, expected_total, p90_total,"
                + " estimate_source, outcome, state, needs_finance, created_at, updated_at) values ('r1', ?,"
                + " 'engineer', 'NOTEBOOK', 'n', 'aws', 'eu-north-1', 'x', 1, 'ON_DEMAND', '{}', true, true, false,"
                + " false, ?, ?, ?, 'test', 'ALLOW', 'PROVISIONED', false, " + TS + ", " + TS + ")",
                team, hourly, 1234.56, pointThree);
        insertResource(jdbc, "res1", team);
        jdbc.update("update resources set hourly_cost = ?, cost_to_date = ? where id = 'res1'", hourly, pointThree);
        jdbc.update("insert into metered_usage (resource_id, request_id, team_id, charge_period_start,"
                + " charge_period_end, billed_cost, effective_cost, list_cost, billing_currency, consumed_quantity,"
                + " tags_json) values ('res1', 'r1', ?, " + TS + ", " + TS + ", ?, ?, ?, 'USD', 1.0, '{}')",
                team, pointThree, hourly, pointThree);
        return team;
    }

    private static void insertResource(JdbcTemplate jdbc, String id, long team) {
        jdbc.update("insert into resources (id, request_id, team_id, owner, name, provider_id, region_id,"
                + " instance_type, instance_count, purchase_option, hourly_cost, state, state_since, metered_until,"
                + " created_at, updated_at) values (?, 'r1', ?, 'engineer', 'n', 'aws', 'eu-north-1', 'x', 1,"
                + " 'ON_DEMAND', 0, 'STOPPED', " + TS + ", " + TS + ", " + TS + ", " + TS + ")", id, team);
    }

    private static String type(JdbcTemplate jdbc, String column) {
        String[] parts = column.split("\\.");
        return jdbc.queryForObject("select data_type from information_schema.columns where table_name = ? and "
                + "column_name = ?", String.class, parts[0], parts[1]).toLowerCase(Locale.ROOT);
    }

    private static BigDecimal decimal(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, BigDecimal.class);
    }
}
