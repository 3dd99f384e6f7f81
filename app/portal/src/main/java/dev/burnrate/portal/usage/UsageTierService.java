package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.store.StorageTiers;
import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Moves versions between the hot and cold storage tiers; ADMIN/FINANCE only, each move audited. */
@Service
public class UsageTierService {

    private final UsageRepository repository;
    private final StorageTiers tiers;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public UsageTierService(UsageRepository repository, StorageTiers tiers, AuditService audit, TransactionTemplate tx,
                            Clock clock) {
        this.repository = repository;
        this.tiers = tiers;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void moveTier(String versionKey, Tier tier) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        if (v.tier() == tier) {
            return;
        }
        tx.executeWithoutResult(status -> {
            repository.updateTier(versionKey, tier, clock.instant());
            audit.record("usage.tier", "dataset:" + v.dataset() + "/version:" + versionKey, Map.of("tier", v.tier()),
                    Map.of("tier", tier));
            try {
                if (tier == Tier.COLD) {
                    tiers.moveToCold(v.dataset(), versionKey);
                } else {
                    tiers.moveToHot(v.dataset(), versionKey);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not move " + versionKey + " to " + tier, e);
            }
        });
    }

    /** Moves every hot version created more than {@code days} days ago to the cold tier. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public List<String> applyTierRule(int days) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        List<String> moved = new ArrayList<>();
        for (DatasetSummary d : repository.datasets()) {
            for (VersionSummary v : repository.versions(d.name())) {
                if (v.tier() == Tier.HOT && v.createdAt().isBefore(cutoff)) {
                    moveTier(v.key(), Tier.COLD);
                    moved.add(v.key());
                }
            }
        }
        return moved;
    }
}
