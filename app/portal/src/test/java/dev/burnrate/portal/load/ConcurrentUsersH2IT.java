package dev.burnrate.portal.load;

import org.springframework.test.context.TestPropertySource;

/** {@link ConcurrentUsersTestBase} on H2, the embedded default. */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-data/concurrent-users-${random.uuid}/burnrate;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "burnrate.data-dir=./target/it-data/concurrent-users-data-h2",
        "burnrate.plugins-dir=./target/it-data/concurrent-users-plugins-${random.uuid}"})
class ConcurrentUsersH2IT extends ConcurrentUsersTestBase {
}
