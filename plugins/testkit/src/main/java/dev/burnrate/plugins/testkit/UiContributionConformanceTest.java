package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.burnrate.api.UiContribution;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for {@link UiContribution} extensions (API 1.3.0): extend it and return a fresh
 * contribution; it is initialised with an {@link InMemoryPluginContext} ({@link #context}) you may fill first by
 * overriding {@link #prepare}.
 */
public abstract class UiContributionConformanceTest {
    protected UiContribution contribution;
    protected InMemoryPluginContext context;

    protected abstract UiContribution createContribution();

    /** Called after the context exists and before {@code init}: put settings or stored data in it here. */
    protected void prepare(InMemoryPluginContext context) {
    }

    @BeforeEach
    void initialiseContribution() {
        contribution = createContribution();
        context = new InMemoryPluginContext(contribution.id() == null ? "plugin-under-test" : contribution.id());
        prepare(context);
        contribution.init(context);
    }

    @Test
    void panelsConform() {
        List<Violation> violations = UiPanelConformance.check(contribution);
        if (!violations.isEmpty()) {
            fail(violations.size() + " conformance violation(s):\n"
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }
}
