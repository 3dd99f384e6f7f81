package dev.burnrate.portal.provisioning;

import dev.burnrate.portal.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProvisioningFaultsTestBase} on a real PostgreSQL server. */
class ProvisioningFaultsPostgresIT extends ProvisioningFaultsTestBase {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.createPostgresDatabase("faults");
        registry.add("spring.datasource.url", () -> TestDatabases.postgresUrl("faults"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("burnrate.data-dir", () -> "target/it-data/faults-postgres-" + ProcessHandle.current().pid());
        registry.add("burnrate.plugins-dir", () -> "target/it-data/faults-pg-plugins-" + ProcessHandle.current().pid());
    }
}
