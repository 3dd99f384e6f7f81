package dev.burnrate.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.budget.SpendSource;
import dev.burnrate.portal.provisioning.MeteredUsageFeed;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.TestDatabases;
import dev.burnrate.portal.usage.UsageQueryService;
import dev.burnrate.portal.user.UserService;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole portal on a real PostgreSQL server: migrations, demo data, services and the audit chain. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "burnrate.demo=true")
class PostgresPortalIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.createPostgresDatabase("portal");
        registry.add("spring.datasource.url", () -> TestDatabases.postgresUrl("portal"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("burnrate.data-dir", () -> "target/it-data/postgres-" + ProcessHandle.current().pid());
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    UserService users;
    @Autowired
    AuditService audit;
    @Autowired
    MeteredUsageFeed meteredFeed;
    @Autowired
    SpendSource spend;
    @Autowired
    UsageQueryService queries;

    @Test
    void runsOnPostgresWithDemoUsersAndAnIntactAuditChain() throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        assertThat(product).isEqualTo("PostgreSQL");
        SystemRunner.runAsSystem(() -> {
            assertThat(users.findAll()).extracting(u -> u.username())
                    .contains("admin", "finance", "approver", "engineer");
            assertThat(audit.verifyChain().intact()).isTrue();
        });
    }

    /**
     * The demo history ($37,500 metered for ML research this month) reaches the metered-usage dataset through
     * PostgreSQL's row locks, and the team's budget still counts it once (neither that dataset nor the synthetic
     * demo dataset counts toward budgets).
     */
    @Test
    void meteredUsageReachesTheUsageDataAndCountsOnceInBudgets() {
        meteredFeed.appendFinalRows();
        Instant monthStart = ZonedDateTime.now(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        Instant nextMonth = monthStart.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        double inExplorer = SystemRunner.callAsSystem(() -> queries.spendByTeam(MeteredUsageFeed.DATASET, "USD", monthStart,
                nextMonth).get("ml-research"));
        assertThat(inExplorer).isCloseTo(37_500, within(1e-6));
        assertThat(meteredFeed.appendFinalRows()).isZero();
        BudgetKey key = new BudgetKey("ml-research-budget", BudgetKey.Scope.TEAM, "ml-research", BudgetPeriod.MONTH,
                monthStart, nextMonth);
        assertThat(spend.actual(key)).isCloseTo(37_500, within(1e-6));
    }
}
