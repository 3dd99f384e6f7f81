package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A submit waits for the provider only so long; the hand-over carries the user and goes on in the background. */
class HandOversTest {

    private final ProvisioningExecutor executor = mock(ProvisioningExecutor.class);
    private final HandOvers handOvers = new HandOvers(executor, Duration.ofMillis(300), 2);

    @AfterEach
    void close() {
        handOvers.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSlowProviderCallGoesOnInTheBackgroundAsTheSubmittingUser() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> actor = new AtomicReference<>();
        doAnswer(call -> {
            actor.set(SecurityContextHolder.getContext().getAuthentication().getName());
            answer.await(10, TimeUnit.SECONDS);
            done.countDown();
            return null;
        }).when(executor).provision("r-1");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("alice", null, java.util.List.of()));

        long start = System.nanoTime();
        handOvers.start("r-1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(done.getCount()).as("still being provisioned").isOne();

        answer.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(actor.get()).isEqualTo("alice");
    }

    @Test
    void aQuickFailurePassesThrough() {
        doThrow(new IllegalStateException("database gone")).when(executor).provision("r-2");

        assertThatThrownBy(() -> handOvers.start("r-2")).hasMessage("database gone");
    }
}
