package ${package};

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.CloudProviderConformanceTest;

/** The testkit's conformance suite: what the portal relies on. Add tests of your own provider's behaviour here. */
class ${classPrefix}CloudProviderTest extends CloudProviderConformanceTest {

    @Override
    protected CloudProvider createProvider() {
        return new ${classPrefix}CloudProvider();
    }
}
