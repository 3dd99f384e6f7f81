package dev.burnrate.plugins.awschips;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.plugins.testkit.HardwareCatalogConformanceTest;

class AwsChipsCatalogConformanceTest extends HardwareCatalogConformanceTest {
    @Override
    protected HardwareCatalog createCatalog() {
        return new AwsChipsCatalog();
    }
}
