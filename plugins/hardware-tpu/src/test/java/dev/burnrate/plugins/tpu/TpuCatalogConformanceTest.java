package dev.burnrate.plugins.tpu;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.plugins.testkit.HardwareCatalogConformanceTest;

class TpuCatalogConformanceTest extends HardwareCatalogConformanceTest {
    @Override
    protected HardwareCatalog createCatalog() {
        return new TpuCatalog();
    }
}
