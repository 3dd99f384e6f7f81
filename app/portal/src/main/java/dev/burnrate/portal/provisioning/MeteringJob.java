package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.portal.budget.SpendChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meters what runs into usage data, so budgets see it: every minute, each resource's state is refreshed from its
 * provider and its usage since the last mark is stored. The mark stays at the start of the current hour, so the
 * partial hour is metered again (and its row replaced) until it is complete: metering twice never counts twice.
 */
@Component
public class MeteringJob {

    private static final Logger log = LoggerFactory.getLogger(MeteringJob.class);

    private final ResourceRepository resources;
    private final ProviderCatalog catalog;
    private final ProviderCalls calls;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeteredUsageFeed feed;

    public MeteringJob(ResourceRepository resources, ProviderCatalog catalog, ProviderCalls calls,
                       TransactionTemplate tx, ApplicationEventPublisher events, Clock clock, MeteredUsageFeed feed) {
        this.resources = resources;
        this.catalog = catalog;
        this.calls = calls;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.feed = feed;
    }

    @Scheduled(fixedDelayString = "${burnrate.metering.interval-ms:60000}", initialDelay = 15_000)
    @SchedulerLock(name = "metering")
    void scheduled() {
        meterAll();
    }

    /** Meters every resource that needs it; returns how many were metered. */
    public int meterAll() {
        int metered = 0;
        for (StoredResource resource : resources.toMeter()) {
            try {
                if (meter(resource)) {
                    metered++;
                }
            } catch (RuntimeException e) {
                log.warn("Metering {} failed: {}", resource.id(), e.getMessage());
            }
        }
        if (metered > 0) {
            events.publishEvent(new SpendChanged("metering"));
        }
        appendToUsageData();
        return metered;
    }

    /** Once per cycle, the rows that became final go to the usage data as one batch (see MeteredUsageFeed). */
    private void appendToUsageData() {
        try {
            int appended = feed.appendFinalRows();
            if (appended > 0) {
                log.debug("Appended {} metered rows to the usage data", appended);
            }
        } catch (RuntimeException e) {
            log.warn("Appending metered usage to the usage data failed (retried next cycle): {}", e.getMessage());
        }
    }

    /** Refreshes one resource's state and stores its usage up to now. */
    boolean meter(StoredResource resource) {
        CloudProvider provider = catalog.provider(resource.providerId()).orElse(null);
        if (provider == null) {
            return false;
        }
        Instant now = clock.instant();
        try {
            ResourceStatus status = calls.call(provider.id(), "status", () -> provider.status(resource.id()));
            List<UsageRecord> rows = calls.call(provider.id(), "meter",
                    () -> provider.meter(resource.id(), resource.meteredUntil(), now));
            Instant hourStart = now.truncatedTo(ChronoUnit.HOURS);
            Instant mark = hourStart.isAfter(resource.meteredUntil()) ? hourStart : resource.meteredUntil();
            tx.executeWithoutResult(s -> {
                resources.updateState(resource.id(), status, now);
                resources.recordUsage(resource, rows, status.state().isBilled() ? mark : now);
            });
            return true;
        } catch (ProvisioningException e) {
            log.warn("Provider {} refused to meter {}: {}", provider.id(), resource.id(), e.getMessage());
            return false;
        }
    }
}
