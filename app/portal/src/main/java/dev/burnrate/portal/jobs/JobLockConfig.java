package dev.burnrate.portal.jobs;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run under a lock per job in the database (ShedLock, table {@code job_locks}), so several portals
 * sharing one PostgreSQL run each job in one of them at a time; every {@code @Scheduled} method carries
 * {@code @SchedulerLock} (an ArchUnit rule checks it). A lock is released when the job ends. It is held on a lease
 * ({@code burnrate.jobs.lock-at-most-for}: 5 minutes by default, at least 30 seconds) that is renewed while the job
 * still runs (metering or reconcile with slow providers may take longer), so a portal that dies frees its locks
 * within one lease. Times come from the database's clock, so portals whose clocks differ still agree.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "${burnrate.jobs.lock-at-most-for:PT5M}")
public class JobLockConfig {

    // Not a bean: a ScheduledExecutorService bean would become the scheduler of every @Scheduled method.
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-lock-keep-alive").daemon().factory());

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("job_locks")
                .usingDbTime()
                .build()), keepAlive);
    }

    @PreDestroy
    void stopRenewing() {
        keepAlive.shutdownNow();
    }
}
