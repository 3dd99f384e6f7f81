package dev.burnrate.portal.jobs;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run under a lock per job in the database (ShedLock, table {@code job_locks}), so several portals
 * sharing one PostgreSQL run each job in one of them at a time; every {@code @Scheduled} method carries
 * {@code @SchedulerLock} (an ArchUnit rule checks it). A lock is released when the job ends; should a portal die
 * holding it, the lease ends after {@code lockAtMostFor} (by default {@code burnrate.jobs.lock-at-most-for}, 10
 * minutes). Times come from the database's clock, so portals whose clocks differ still agree.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "${burnrate.jobs.lock-at-most-for:PT10M}")
public class JobLockConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("job_locks")
                .usingDbTime()
                .build());
    }
}
