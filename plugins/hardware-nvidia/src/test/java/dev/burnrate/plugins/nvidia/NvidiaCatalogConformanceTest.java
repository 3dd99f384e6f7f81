package dev.burnrate.plugins.nvidia;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.plugins.testkit.HardwareCatalogConformanceTest;

class NvidiaCatalogConformanceTest extends HardwareCatalogConformanceTest {
    @Override
    protected HardwareCatalog createCatalog() {
        return new NvidiaCatalog();
    }
}
