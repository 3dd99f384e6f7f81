package dev.burnrate.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.TestDatabases;
import dev.burnrate.portal.user.UserService;
import java.sql.DatabaseMetaData;
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
}
