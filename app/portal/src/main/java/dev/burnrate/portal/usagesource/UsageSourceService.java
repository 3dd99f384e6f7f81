package dev.burnrate.portal.usagesource;

import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.usage.UsageDatasetService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin > Usage sources: which sources exist, how each is set up (target dataset, schedule, enabled), their run
 * history and "Run now". ADMIN only; every change is audited.
 */
@Service
public class UsageSourceService {
    static final int MAX_INTERVAL_MINUTES = 44_640; // 31 days
    private static final int HISTORY = 50;

    private final AvailableUsageSources sources;
    private final UsageSourceRepository repository;
    private final UsageSourceRunner runner;
    private final UsageDatasetService datasets;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;

    public UsageSourceService(AvailableUsageSources sources, UsageSourceRepository repository,
                              UsageSourceRunner runner, UsageDatasetService datasets, AuditService audit,
                              CurrentUser currentUser, TransactionTemplate tx, Clock clock) {
        this.sources = sources;
        this.repository = repository;
        this.runner = runner;
        this.datasets = datasets;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every available source and every configured one (a configured source whose plugin is gone is listed too). */
    @RolesAllowed(Role.Names.ADMIN)
    public List<UsageSourceSummary> sources() {
        Map<String, UsageSourceConfig> configs = new java.util.HashMap<>();
        repository.configs().forEach(c -> configs.put(c.sourceId(), c));
        List<UsageSourceSummary> result = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (AvailableUsageSources.Found f : sources.all()) {
            if (listed.add(f.id())) {
                result.add(summary(f.id(), f.pluginId(), f.displayName(), true, configs.get(f.id())));
            }
        }
        for (UsageSourceConfig c : configs.values()) {
            if (!listed.contains(c.sourceId())) {
                result.add(summary(c.sourceId(), c.pluginId(), c.sourceId(), false, c));
            }
        }
        return result;
    }

    /**
     * Sets up a source: its rows go to {@code dataset} (created now, with {@code teamTagKey}, if it does not exist),
     * every {@code intervalMinutes} while {@code enabled}.
     *
     * @throws IllegalArgumentException with what is wrong (unknown source, dataset name, interval)
     */
    @RolesAllowed(Role.Names.ADMIN)
    public UsageSourceConfig configure(String sourceId, String dataset, String teamTagKey, int intervalMinutes,
                                       boolean enabled) {
        Optional<UsageSourceConfig> before = repository.config(sourceId);
        String pluginId = sources.find(sourceId).map(AvailableUsageSources.Found::pluginId)
                .or(() -> before.map(UsageSourceConfig::pluginId))
                .orElseThrow(() -> new IllegalArgumentException("No usage source '" + sourceId + "' is installed"));
        String name = dataset == null ? "" : dataset.trim();
        if (!DatasetStore.isValidId(name)) {
            throw new IllegalArgumentException("Dataset: letters, digits, '.', '_' or '-' (at most 64), was '"
                    + name + "'");
        }
        if (intervalMinutes < 1 || intervalMinutes > MAX_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("Run every: between 1 and " + MAX_INTERVAL_MINUTES
                    + " minutes (31 days), was " + intervalMinutes);
        }
        String tagKey = teamTagKey == null || teamTagKey.isBlank() ? "team" : teamTagKey.trim();
        UsageSourceConfig after = new UsageSourceConfig(sourceId, pluginId, name, intervalMinutes, enabled,
                currentUser.actor(), clock.instant());
        tx.executeWithoutResult(s -> {
            datasets.createDataset(name, "Usage from source " + sourceId, tagKey, true);
            repository.save(after);
            audit.record("usage.source.configure", "usage-source:" + sourceId, before.map(this::auditView)
                    .orElse(null), auditView(after));
        });
        return after;
    }

    /** Forgets a source's settings and run history (the datasets it filled stay). */
    @RolesAllowed(Role.Names.ADMIN)
    public void remove(String sourceId) {
        tx.executeWithoutResult(s -> {
            UsageSourceConfig before = repository.config(sourceId)
                    .orElseThrow(() -> new IllegalArgumentException("Usage source '" + sourceId + "' is not set up"));
            repository.delete(sourceId);
            audit.record("usage.source.remove", "usage-source:" + sourceId, auditView(before), null);
        });
    }

    /**
     * Runs a configured source now, whether or not its schedule is enabled. Slow (it reads the source and imports):
     * call it from background work.
     *
     * @throws IllegalStateException when a run of the source is already in progress
     */
    @RolesAllowed(Role.Names.ADMIN)
    public UsageSourceRun runNow(String sourceId) {
        UsageSourceConfig config = repository.config(sourceId)
                .orElseThrow(() -> new IllegalArgumentException("Set up usage source '" + sourceId
                        + "' (its dataset and schedule) before running it"));
        return runner.run(config, UsageSourceRun.Trigger.MANUAL).orElseThrow(() -> new IllegalStateException(
                "A run of '" + sourceId + "' is already in progress; try again when it has finished"));
    }

    /** A source's runs, newest first (the last 50). */
    @RolesAllowed(Role.Names.ADMIN)
    public List<UsageSourceRun> runs(String sourceId) {
        return repository.runs(sourceId, HISTORY);
    }

    private UsageSourceSummary summary(String id, String pluginId, String name, boolean available,
                                       UsageSourceConfig config) {
        Optional<UsageSourceRun> last = repository.runs(id, 1).stream().findFirst();
        Optional<Instant> next = config == null || !config.enabled() || !available ? Optional.empty()
                : Optional.of(UsageSourceSchedule.nextRun(config, last.map(UsageSourceRun::startedAt), clock));
        return new UsageSourceSummary(id, pluginId, name, available, Optional.ofNullable(config), last, next);
    }

    private Map<String, Object> auditView(UsageSourceConfig c) {
        return Map.of("dataset", c.dataset(), "intervalMinutes", c.intervalMinutes(), "enabled", c.enabled(),
                "plugin", c.pluginId());
    }
}
