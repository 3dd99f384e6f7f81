package ${package};

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.plugins.testkit.HardwareCatalogConformanceTest;

/** The testkit's conformance suite: unique names, cited sources, figures in sane ranges. */
class ${classPrefix}HardwareCatalogTest extends HardwareCatalogConformanceTest {

    @Override
    protected HardwareCatalog createCatalog() {
        return new ${classPrefix}HardwareCatalog();
    }
}
