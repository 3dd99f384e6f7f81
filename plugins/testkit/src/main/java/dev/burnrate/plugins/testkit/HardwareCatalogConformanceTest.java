package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.burnrate.api.HardwareCatalog;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conformance suite for {@link HardwareCatalog} plugins: extend it and return a fresh catalog. */
public abstract class HardwareCatalogConformanceTest {
    protected HardwareCatalog catalog;
    protected InMemoryPluginContext context;

    protected abstract HardwareCatalog createCatalog();

    @BeforeEach
    void initialiseCatalog() {
        catalog = createCatalog();
        context = new InMemoryPluginContext(catalog.id() == null ? "plugin-under-test" : catalog.id());
        catalog.init(context);
    }

    @Test
    void specsConform() {
        List<Violation> violations = HardwareConformance.check(catalog);
        if (!violations.isEmpty()) {
            fail(violations.size() + " conformance violation(s):\n"
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }
}
