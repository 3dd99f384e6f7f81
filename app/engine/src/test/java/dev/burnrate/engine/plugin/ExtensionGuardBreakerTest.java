package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard's circuit breaker: open on a timeout or repeated faults, half-open after the cool-down, closed again. */
class ExtensionGuardBreakerTest {
    private static final Duration COOL_DOWN = Duration.ofMinutes(2);
    private static final Duration LIMIT = Duration.ofMillis(200);

    private final AtomicLong now = new AtomicLong();
    private final List<String> events = new ArrayList<>();
    private final ExtensionGuard guard = new ExtensionGuard(3, COOL_DOWN, now::get,
            new ExtensionGuard.FaultListener() {
                @Override
                public void onFault(String pluginId, String message, boolean suspended) {
                    events.add(suspended ? "suspended" : "fault");
                }

                @Override
                public void onRecovered(String pluginId) {
                    events.add("recovered");
                }
            });
    private final AtomicInteger reached = new AtomicInteger();

    @AfterEach
    void close() {
        guard.close();
    }

    private String call(String answer) throws Exception {
        return guard.call("p", "op()", getClass().getClassLoader(), LIMIT, Set.of(), () -> {
            reached.incrementAndGet();
            return answer;
        });
    }

    private void hang() {
        assertThatThrownBy(() -> guard.call("p", "op()", getClass().getClassLoader(), LIMIT, Set.of(), () -> {
            reached.incrementAndGet();
            Thread.sleep(10_000);
            return "late";
        })).isInstanceOf(PluginCallException.class).hasMessageContaining("did not answer within 200 ms");
    }

    private void fail() {
        assertThatThrownBy(() -> guard.call("p", "op()", getClass().getClassLoader(), LIMIT, Set.of(), () -> {
            reached.incrementAndGet();
            throw new IllegalStateException("boom");
        })).isInstanceOf(PluginCallException.class);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aTimeoutOpensAtOnceAndTheCircuitClosesAgainAfterASuccessfulTrial() throws Exception {
        hang();
        assertThat(guard.isSuspended("p")).isTrue();
        assertThat(guard.suspensionReason("p")).hasValueSatisfying(r -> assertThat(r).contains("did not answer"));
        int reachedBefore = reached.get();
        assertThatThrownBy(() -> call("x")).hasMessageContaining("is suspended")
                .hasMessageContaining("a trial call is let through in 120 s");
        assertThat(reached.get()).as("an open circuit keeps calls away from the plugin").isEqualTo(reachedBefore);

        advance(COOL_DOWN.minusSeconds(1));
        assertThat(guard.isSuspended("p")).isTrue();
        long changes = guard.changes();
        advance(Duration.ofSeconds(1));
        assertThat(guard.isSuspended("p")).as("half-open after the cool-down").isFalse();
        assertThat(guard.changes()).as("the end of a cool-down is a change of usable extensions")
                .isGreaterThan(changes);

        assertThat(call("ok")).isEqualTo("ok");
        assertThat(guard.isSuspended("p")).isFalse();
        assertThat(guard.suspensionReason("p")).isEmpty();
        assertThat(call("again")).isEqualTo("again");
        assertThat(events).containsExactly("suspended", "recovered");
    }

    @Test
    void aFailedTrialOpensTheCircuitForAnotherCoolDown() throws Exception {
        fail();
        fail();
        assertThat(guard.isSuspended("p")).as("two faults are below the threshold").isFalse();
        fail();
        assertThat(guard.isSuspended("p")).isTrue();

        advance(COOL_DOWN);
        fail();
        assertThat(guard.isSuspended("p")).as("one failed trial re-opens at once").isTrue();
        assertThat(guard.suspensionReason("p")).hasValueSatisfying(r -> assertThat(r).contains("trial call"));
        advance(COOL_DOWN.minusSeconds(1));
        assertThatThrownBy(() -> call("x")).hasMessageContaining("is suspended");
        advance(Duration.ofSeconds(1));
        assertThat(call("ok")).isEqualTo("ok");
        assertThat(events).containsExactly("fault", "fault", "suspended", "suspended", "recovered");
    }

    @Test
    void halfOpenLetsExactlyOneTrialCallThrough() throws Exception {
        hang();
        advance(COOL_DOWN);
        CountDownLatch inTrial = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> trial = pool.submit(() -> guard.call("p", "op()", getClass().getClassLoader(),
                    Duration.ofSeconds(10), Set.of(), () -> {
                        inTrial.countDown();
                        finish.await();
                        return "trial";
                    }));
            assertThat(inTrial.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(guard.isSuspended("p")).as("suspended while the trial runs").isTrue();
            assertThatThrownBy(() -> call("second")).hasMessageContaining("trial call is checking");
            finish.countDown();
            assertThat(trial.get(5, TimeUnit.SECONDS)).isEqualTo("trial");
            assertThat(call("after")).isEqualTo("after");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resetClosesTheCircuitAtOnce() throws Exception {
        hang();
        guard.reset("p");
        assertThat(guard.isSuspended("p")).isFalse();
        assertThat(call("ok")).isEqualTo("ok");
    }
}
