package dev.burnrate.portal.plugin;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.engine.plugin.PluginCallException;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes a provider's prices from an uploaded SkyPilot-format catalog file, in two steps: {@link #preview} reads
 * the whole file and shows what would change, storing nothing; {@link #apply} stores the list as the provider's
 * new price list in effect now, audited, in one transaction. Estimates made before keep their catalog version.
 */
@Service
public class CatalogUploadService {

    /** A file read and compared with the prices in effect; hand it back to {@link #apply} to put it in effect. */
    public record Preview(String providerId, String providerName, String fileName, String sha256,
                          List<Offering> offerings, PriceListDiff diff, List<String> skipped,
                          Optional<Long> basedOnListId) {
    }

    private final PluginCatalogService catalog;
    private final PriceListRepository repository;
    private final PriceLists lists;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration staleAfter;

    public CatalogUploadService(PluginCatalogService catalog, PriceListRepository repository, PriceLists lists,
                                AuditService audit, CurrentUser currentUser, TransactionTemplate tx, Clock clock,
                                @Value("${burnrate.catalog.stale-after:P30D}") Duration staleAfter) {
        this.catalog = catalog;
        this.repository = repository;
        this.lists = lists;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = tx;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Whether prices dated {@code pricesDate} are older than {@code burnrate.catalog.stale-after} (catalog facts). */
    @PermitAll
    public boolean isStale(Instant pricesDate) {
        return pricesDate.plus(staleAfter).isBefore(clock.instant());
    }

    @PermitAll
    public Duration staleAfter() {
        return staleAfter;
    }

    /**
     * Reads an uploaded catalog for a provider and compares it with the prices in effect. Stores nothing.
     *
     * @throws IllegalArgumentException naming the file, line and column of the first problem
     */
    @RolesAllowed(Role.Names.ADMIN)
    public Preview preview(String providerId, String fileName, byte[] content) {
        currentUser.requireUsername();
        ProviderSummary summary = summary(providerId);
        CloudProvider provider = catalog.provider(providerId).orElseThrow();
        List<Offering> current;
        List<dev.burnrate.api.Region> regions;
        try {
            current = lists.offerings(providerId, provider.offerings());
            regions = provider.regions();
        } catch (PluginCallException e) {
            throw new IllegalStateException("Reading the catalog of " + summary.displayName() + " failed: "
                    + e.getMessage(), e);
        }
        UploadedCatalogParser.Parsed parsed = UploadedCatalogParser.parse(providerId, fileName, content, regions,
                current);
        return new Preview(providerId, summary.displayName(), fileName, sha256(content), parsed.offerings(),
                PriceListDiff.between(current, parsed.offerings()), parsed.skipped(),
                lists.inEffect(providerId).map(StoredPriceList::id));
    }

    /**
     * Puts a previewed list in effect now, stored and audited in one transaction.
     *
     * @throws IllegalStateException when another list was applied since the preview (upload again to see the diff)
     */
    @RolesAllowed(Role.Names.ADMIN)
    public StoredPriceList apply(Preview preview) {
        String actor = currentUser.requireUsername();
        ProviderSummary summary = summary(preview.providerId());
        String versionBefore = catalog.priceCatalogVersion();
        StoredPriceList stored = tx.execute(status -> {
            Optional<Long> inEffect = lists.inEffect(preview.providerId()).map(StoredPriceList::id);
            if (!inEffect.equals(preview.basedOnListId())) {
                throw new IllegalStateException("The prices of " + summary.displayName() + " changed since "
                        + preview.fileName() + " was compared with them; upload it again to see the new differences");
            }
            StoredPriceList row = repository.insert(preview.providerId(), summary.pluginId(), clock.instant(),
                    "uploaded " + preview.fileName() + " (sha256 " + preview.sha256().substring(0, 12) + ")",
                    preview.offerings(), actor, clock.instant());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("priceCatalogVersion", versionBefore);
            preview.basedOnListId().ifPresent(id -> before.put("priceListId", id));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("priceListId", row.id());
            after.put("file", preview.fileName());
            after.put("sha256", preview.sha256());
            after.put("offerings", row.offerings().size());
            after.put("added", preview.diff().added().size());
            after.put("removed", preview.diff().removed().size());
            after.put("changed", preview.diff().changed().size());
            audit.record("catalog.prices-uploaded", "provider:" + preview.providerId(), before, after);
            return row;
        });
        lists.reload();
        return stored;
    }

    private ProviderSummary summary(String providerId) {
        return catalog.providers().stream().filter(p -> p.providerId().equals(providerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No provider plugin '" + providerId + "' is running"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
