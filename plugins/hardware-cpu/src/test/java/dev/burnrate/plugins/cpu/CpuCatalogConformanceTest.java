package dev.burnrate.plugins.cpu;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.plugins.testkit.HardwareCatalogConformanceTest;

class CpuCatalogConformanceTest extends HardwareCatalogConformanceTest {
    @Override
    protected HardwareCatalog createCatalog() {
        return new CpuCatalog();
    }
}
