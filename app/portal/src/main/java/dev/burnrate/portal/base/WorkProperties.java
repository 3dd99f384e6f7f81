package dev.burnrate.portal.base;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The size of the portal's one pool for long work ({@code burnrate.work.*}): imports, simulations, provider calls
 * started from a page, scans after a spend change.
 *
 * @param threads tasks that run at the same time
 * @param queue   tasks that may wait for a thread; one more is refused with a message saying the portal is busy
 */
@ConfigurationProperties("burnrate.work")
public record WorkProperties(Integer threads, Integer queue) {

    public WorkProperties {
        threads = threads == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : threads;
        queue = queue == null ? 32 : queue;
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("burnrate.work.threads and burnrate.work.queue must be at least 1, not "
                    + threads + " and " + queue);
        }
    }
}
