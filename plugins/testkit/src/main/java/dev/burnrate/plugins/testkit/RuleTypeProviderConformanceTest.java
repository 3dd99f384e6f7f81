package dev.burnrate.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.burnrate.api.RuleFacts;
import dev.burnrate.api.RuleFinding;
import dev.burnrate.api.RuleTypeProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for {@link RuleTypeProvider} plugins (since API 1.3.0): extend it, return a fresh provider
 * and the parameters of a valid rule (typed as the portal passes them: Long for INTEGER, Double for NUMBER, ...).
 * It checks the declaration as the portal registers it, that valid parameters pass {@code validate}, and that every
 * sample request is judged quickly, consistently, from several threads at once, with well-formed findings.
 */
public abstract class RuleTypeProviderConformanceTest {
    /** The portal cuts off a plugin call after a few seconds; a rule should answer far faster. */
    protected static final Duration MAX_EVALUATION = Duration.ofMillis(500);

    protected RuleTypeProvider provider;
    protected InMemoryPluginContext context;

    protected abstract RuleTypeProvider createProvider();

    /** A valid rule's parameters, e.g. {@code Map.of("max_gpus", 8L)}. */
    protected abstract Map<String, Object> validParameters();

    /** The requests every test judges; override to add ones your rule cares about. */
    protected List<RuleFacts> sampleFacts() {
        return SampleFacts.all();
    }

    @BeforeEach
    void initialiseProvider() {
        provider = createProvider();
        context = new InMemoryPluginContext(provider.id() == null ? "plugin-under-test" : provider.id());
        provider.init(context);
    }

    @Test
    void declarationConforms() {
        List<Violation> violations = RuleTypeConformance.check(provider);
        if (!violations.isEmpty()) {
            fail(violations.size() + " conformance violation(s):\n"
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void validParametersPassValidation() {
        List<String> problems = provider.validate(validParameters());
        assertNotNull(problems, "validate() must return a list, empty when the parameters are fine");
        assertTrue(problems.isEmpty(), "validate() refused the valid parameters: " + problems);
    }

    @Test
    void everySampleIsJudgedQuicklyWithWellFormedFindings() {
        for (RuleFacts facts : sampleFacts()) {
            long start = System.nanoTime();
            List<RuleFinding> findings = provider.evaluate(validParameters(), facts);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertNotNull(findings, "evaluate() returned null for " + facts.subject() + "; return an empty list");
            assertTrue(took.compareTo(MAX_EVALUATION) <= 0, "evaluating " + facts.subject() + " took " + took);
            for (RuleFinding finding : findings) {
                assertNotNull(finding, "a null finding for " + facts.subject());
                assertTrue(RuleTypeConformance.CODE.matcher(finding.code()).matches(), "finding code '"
                        + finding.code() + "' must be lower-case words joined by dashes");
            }
        }
    }

    @Test
    void judgingIsRepeatableAndThreadSafe() throws Exception {
        List<List<RuleFinding>> expected = new ArrayList<>();
        for (RuleFacts facts : sampleFacts()) {
            expected.add(provider.evaluate(validParameters(), facts));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<RuleFinding>>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> sampleFacts().stream()
                        .map(f -> provider.evaluate(validParameters(), f)).toList()));
            }
            for (Future<List<List<RuleFinding>>> run : runs) {
                assertEquals(expected, run.get(), "the same request must get the same findings");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
