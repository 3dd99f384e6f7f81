package dev.burnrate.portal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

class BackgroundWorkTest {

    private final BackgroundWork work = new BackgroundWork(new WorkProperties(1, 1));

    @AfterEach
    void stop() throws InterruptedException {
        SecurityContextHolder.clearContext();
        work.destroy();
    }

    @Test
    void refusesWorkPastItsThreadsAndQueueSayingSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Future<?> running = work.submit("a blocker", () -> {
            started.countDown();
            await(release);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> queued = work.submit("a queued task", () -> "ran");

        assertThatThrownBy(() -> work.submit("the import of costs.csv", () -> "never"))
                .isInstanceOf(BackgroundWork.Busy.class)
                .hasMessage("The portal is busy (1 tasks running and 1 waiting), so the import of costs.csv did not"
                        + " start; try again in a minute.");
        assertThat(work.pending()).isEqualTo(2);

        release.countDown();
        running.get(10, TimeUnit.SECONDS);
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(work.submit("a later task", () -> "ran too").get(10, TimeUnit.SECONDS)).isEqualTo("ran too");
    }

    @Test
    void runsEachTaskAsTheUserWhoSubmittedItAndClearsTheThreadAfterwards() throws Exception {
        Authentication alice = UsernamePasswordAuthenticationToken.authenticated("alice", null,
                List.of(new SimpleGrantedAuthority("ROLE_FINANCE")));
        SecurityContextHolder.getContext().setAuthentication(alice);
        Future<Authentication> seen = work.submit("a task", () -> SecurityContextHolder.getContext()
                .getAuthentication());
        assertThat(seen.get(10, TimeUnit.SECONDS)).isSameAs(alice);

        SecurityContextHolder.clearContext();
        Future<Authentication> next = work.submit("another task", () -> SecurityContextHolder.getContext()
                .getAuthentication());
        assertThat(next.get(10, TimeUnit.SECONDS)).isNull();
    }

    /** Vaadin installs its own holder strategy after the beans are made; tasks must use the one current then. */
    @Test
    void carriesTheContextThroughAHolderStrategyInstalledAfterThePoolWasMade() throws Exception {
        SecurityContextHolderStrategy before = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(new ThreadLocalHolder());
        try {
            Authentication bob = UsernamePasswordAuthenticationToken.authenticated("bob", null, List.of());
            SecurityContextHolder.getContext().setAuthentication(bob);
            Future<Authentication> seen = work.submit("a task", () -> SecurityContextHolder.getContext()
                    .getAuthentication());
            assertThat(seen.get(10, TimeUnit.SECONDS)).isSameAs(bob);
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }

    /** A strategy of its own (not the default instance), as Vaadin's is. */
    private static final class ThreadLocalHolder implements SecurityContextHolderStrategy {
        private final ThreadLocal<SecurityContext> holder = new ThreadLocal<>();

        @Override
        public void clearContext() {
            holder.remove();
        }

        @Override
        public SecurityContext getContext() {
            if (holder.get() == null) {
                holder.set(createEmptyContext());
            }
            return holder.get();
        }

        @Override
        public void setContext(SecurityContext context) {
            holder.set(context);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }

    @Test
    void refusesASizeBelowOne() {
        assertThatThrownBy(() -> new WorkProperties(0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burnrate.work.threads");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
