package dev.burnrate.portal.usagesource;

import dev.burnrate.portal.security.SystemRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the enabled usage sources that are due, as {@code system}, under the job's lock in the database (so one
 * portal schedules at a time) and each run under its source's own lock (so "Run now" never overlaps it). A source
 * that fails is recorded in its history and does not stop the others.
 */
@Component
public class UsageSourceJob {
    static final String LOCK = "usage-sources";
    private static final Logger log = LoggerFactory.getLogger(UsageSourceJob.class);

    private final UsageSourceRepository repository;
    private final UsageSourceRunner runner;
    private final Clock clock;

    public UsageSourceJob(UsageSourceRepository repository, UsageSourceRunner runner, Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${burnrate.usage-sources.check-ms:60000}", initialDelay = 60_000)
    @SchedulerLock(name = LOCK)
    void scheduled() {
        runDue();
    }

    /** Runs every enabled source whose interval has passed since its last run; returns the runs made. */
    public List<UsageSourceRun> runDue() {
        return SystemRunner.callAsSystem(() -> {
            List<UsageSourceRun> runs = new ArrayList<>();
            for (UsageSourceConfig config : repository.configs()) {
                if (!UsageSourceSchedule.isDue(config, repository.lastStart(config.sourceId()), clock)) {
                    continue;
                }
                try {
                    runner.runIfDue(config.sourceId()).ifPresent(runs::add);
                } catch (RuntimeException e) {
                    log.error("Scheduled run of usage source {} failed", config.sourceId(), e);
                }
            }
            return runs;
        });
    }
}
