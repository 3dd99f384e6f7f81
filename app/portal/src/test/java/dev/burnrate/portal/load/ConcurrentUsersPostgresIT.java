package dev.burnrate.portal.load;

import dev.burnrate.portal.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ConcurrentUsersTestBase} on a real PostgreSQL server. */
class ConcurrentUsersPostgresIT extends ConcurrentUsersTestBase {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.createPostgresDatabase("concurrent_users");
        registry.add("spring.datasource.url", () -> TestDatabases.postgresUrl("concurrent_users"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("burnrate.data-dir", () -> "target/it-data/concurrent-users-postgres-" + ProcessHandle.current().pid());
        registry.add("burnrate.plugins-dir", () -> "target/it-data/concurrent-users-pg-plugins-"
                + ProcessHandle.current().pid());
    }
}
