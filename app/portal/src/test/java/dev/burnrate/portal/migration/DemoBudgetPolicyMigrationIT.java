package dev.burnrate.portal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.BudgetPlanRepository;
import dev.burnrate.portal.budget.plan.BudgetScope;
import dev.burnrate.portal.budget.plan.PortalPlannedBudgets;
import dev.burnrate.portal.support.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V073 on an install that has the demo budget policy with its flat amount: the amount becomes the budget plan
 * ml-research and a new policy version names it; the converted policy parses and judges with the same 50,000 a
 * month. A policy whose amount was edited is left alone.
 */
class DemoBudgetPolicyMigrationIT {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** The demo policy as V072 installs had it (the text of the demo file before budgets were plans). */
    private static final String OLD_POLICY = """
            id: ml-research-budget
            name: ML research monthly budget
            description: >
              The ML research team's cloud budget. Past 80% a request needs an approver and finance; past 100% new
              provisioning is denied; a run-rate heading past the budget by month end is reported.
            scope:
              team: ml-research
            mode: enforce
            rules:
              - type: budget
                id: monthly
                scope: team
                period: month
                amount: 50000
                thresholds:
                  - {at: 50, action: notify}
                  - {at: 80, action: require_approval}
                  - {at: 100, action: deny}
                  - {at: 100, action: notify, basis: projected}
            """;

    static Stream<Arguments> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + Paths.get("target", "h2-test", "v073-" + ProcessHandle.current().pid(),
                "db" + COUNTER.incrementAndGet()).toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        String name = "v073x" + COUNTER.incrementAndGet();
        TestDatabases.createPostgresDatabase(name);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(TestDatabases.postgresUrl(name));
        postgres.setUser("postgres");
        postgres.setPassword("postgres");
        return Stream.of(Arguments.of("H2", h2, SQLDialect.H2), Arguments.of("PostgreSQL", postgres,
                SQLDialect.POSTGRES));
    }

    private static void migrate(DataSource db, String target) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void oldInstall(DataSource db, String source) {
        migrate(db, "72");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("insert into users (username, display_name, password_hash) values ('approver', 'A', 'x')");
        jdbc.update("insert into policies (id, current_version, enabled, created_at, updated_at, updated_by) "
                + "values ('ml-research-budget', 1, true, current_timestamp, current_timestamp, 'system')");
        jdbc.update("insert into policy_versions (policy_id, version, name, mode, scope, source, comment, created_at,"
                + " created_by) values ('ml-research-budget', 1, 'ML research monthly budget', 'ENFORCE',"
                + " 'team ml-research', ?, 'demo policy', current_timestamp, 'system')", source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theDemoPolicysAmountBecomesABudgetPlanThatANewVersionNames(String product, DataSource db, SQLDialect dialect)
            throws Exception {
        oldInstall(db, OLD_POLICY);
        migrate(db, "latest");

        BudgetPlanRepository plans = new BudgetPlanRepository(DSL.using(db, dialect));
        BudgetPlan plan = plans.find("ml-research").orElseThrow();
        assertThat(plan.scope()).isEqualTo(new BudgetScope(BudgetScope.Kind.TEAM, "ml-research"));
        assertThat(plan.owner()).isEqualTo("approver");
        assertThat(plan.currency()).isEqualTo("USD");
        assertThat(plan.amounts()).hasSize(16 * 12);
        assertThat(plan.amounts().firstKey()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(plan.amounts().lastKey()).isEqualTo(LocalDate.of(2035, 12, 1));
        assertThat(plan.amounts().values()).allMatch(a -> a.compareTo(new BigDecimal("50000.00")) == 0);

        JdbcTemplate jdbc = new JdbcTemplate(db);
        assertThat(jdbc.queryForObject("select current_version from policies where id = 'ml-research-budget'",
                Integer.class)).isEqualTo(2);
        String source = jdbc.queryForObject("select source from policy_versions where policy_id = "
                + "'ml-research-budget' and version = 2", String.class);
        assertThat(source).contains("budget: ml-research\n").doesNotContain("amount:");
        assertThat(source.replace("budget: ml-research", "amount: 50000")).isEqualTo(OLD_POLICY);
        // the demo file fresh installs load says the same
        String demoFile = Files.readString(Paths.get("src", "main", "resources", "demo", "policies",
                "02-ml-research-budget.yaml"));
        assertThat(demoFile).isEqualTo(source);

        Policy policy = new PolicyParser(RuleRegistry.standard(new PortalPlannedBudgets(plans))).parse(source, 2);
        BudgetRule rule = (BudgetRule) policy.rules().getFirst();
        assertThat(rule.plan().id()).isEqualTo("ml-research");
        assertThat(rule.plan().amounts().get(LocalDate.of(2026, 12, 1))).isEqualByComparingTo("50000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEditedAmountIsLeftAsItIs(String product, DataSource db, SQLDialect dialect) {
        String edited = OLD_POLICY.replace("amount: 50000", "amount: 500000");
        oldInstall(db, edited);
        migrate(db, "latest");

        JdbcTemplate jdbc = new JdbcTemplate(db);
        assertThat(jdbc.queryForObject("select count(*) from budget_plans", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select current_version from policies where id = 'ml-research-budget'",
                Integer.class)).isEqualTo(1);
    }
}
