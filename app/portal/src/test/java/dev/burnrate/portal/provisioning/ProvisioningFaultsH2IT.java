package dev.burnrate.portal.provisioning;

import org.springframework.test.context.TestPropertySource;

/** {@link ProvisioningFaultsTestBase} on H2, the embedded default. */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-data/faults-${random.uuid}/burnrate;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "burnrate.data-dir=./target/it-data/faults-data-h2",
        "burnrate.plugins-dir=./target/it-data/faults-plugins-${random.uuid}"})
class ProvisioningFaultsH2IT extends ProvisioningFaultsTestBase {
}
