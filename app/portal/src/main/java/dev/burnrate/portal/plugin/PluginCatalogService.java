package dev.burnrate.portal.plugin;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;

/**
 * What the plugins know, for every feature: cloud providers and their offerings joined to region facts and
 * hardware specs, hardware specs, and compute backends. Offerings are read from the plugins once and cached until
 * the plugin set changes (install, enable, disable, uninstall, suspension). Objects that call into plugins
 * ({@link #provider}, {@link #computeBackends}) are guarded: a call that throws or hangs ends in a
 * {@link dev.burnrate.engine.plugin.PluginCallException} instead of hurting the caller.
 * <p>
 * Catalog facts are public prices and datasheets, not team data, so every logged-in user may read them.
 */
@Service
public class PluginCatalogService {

    private final PluginHost host;
    private final PriceLists priceLists;
    private volatile CatalogSnapshot snapshot;
    /** One thread: warming twice at once would only read the same plugins twice. */
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "catalog-warmer");
        thread.setDaemon(true);
        return thread;
    });

    public PluginCatalogService(PluginHost host, PriceLists priceLists) {
        this.host = host;
        this.priceLists = priceLists;
    }

    /**
     * Reads the plugins' catalog now on a background thread (after start-up, an install or an enable), so a slow
     * or hanging plugin is found by the portal and not by the first visitor of the catalog, who would wait for it.
     */
    @PermitAll
    public Future<?> warmInBackground() {
        return warmer.submit(this::snapshot);
    }

    /** Whether the cached catalog matches the current plugin set, i.e. a visitor would not read the plugins. */
    @PermitAll
    public boolean warm() {
        CatalogSnapshot current = snapshot;
        return current != null && fresh(current);
    }

    /** Read for the current plugin set and the price lists in effect now. */
    private boolean fresh(CatalogSnapshot s) {
        return s.generation() == host.generation() && priceLists.state().equals(s.prices());
    }

    @PreDestroy
    void stopWarming() {
        warmer.shutdownNow();
    }

    @PermitAll
    public List<ProviderSummary> providers() {
        return snapshot().providers();
    }

    /** A provider for provisioning and metering, by its id (e.g. {@code aws}). */
    @PermitAll
    public Optional<CloudProvider> provider(String providerId) {
        String pluginId = snapshot().providers().stream().filter(p -> p.providerId().equals(providerId))
                .map(ProviderSummary::pluginId).findFirst().orElse(null);
        return host.extensions(CloudProvider.class).stream().filter(e -> e.pluginId().equals(pluginId))
                .map(PluginExtension::extension).findFirst();
    }

    /** One page of offerings matching {@code filter} in the given order. */
    @PermitAll
    public List<CatalogOffering> offerings(CatalogFilter filter, CatalogSort sort, boolean ascending, int offset,
                                           int limit) {
        return snapshot().offerings().stream().filter(filter::matches).sorted(sort.comparator(ascending))
                .skip(offset).limit(limit).toList();
    }

    @PermitAll
    public int count(CatalogFilter filter) {
        return (int) snapshot().offerings().stream().filter(filter::matches).count();
    }

    /** An offering by its key {@code provider/region/instanceType}. */
    @PermitAll
    public Optional<CatalogOffering> offering(String key) {
        return snapshot().offerings().stream().filter(o -> o.key().equals(key)).findFirst();
    }

    @PermitAll
    public List<HardwareSpec> hardware() {
        return snapshot().hardware();
    }

    /** The accelerator spec an offering's accelerator name (or alias) refers to. */
    @PermitAll
    public Optional<HardwareSpec> hardwareSpec(String acceleratorName) {
        return snapshot().spec(acceleratorName);
    }

    /**
     * Compute backends contributed by plugins (guarded; {@code launch} may run up to the kernel timeout). The
     * engine's own backends (reference, JVM SIMD) are not plugins and are not listed here.
     */
    @PermitAll
    public List<PluginExtension<ComputeBackend>> computeBackends() {
        return host.extensions(ComputeBackend.class);
    }

    /**
     * A fingerprint of every price in the catalog ({@code sha256:} and 16 hex digits): estimates name it, so two
     * estimates with the same version were made from the same prices, and a change of any price changes it.
     */
    @PermitAll
    public String priceCatalogVersion() {
        StringBuilder prices = new StringBuilder();
        snapshot().offerings().stream().map(CatalogOffering::offering)
                .sorted(Comparator.comparing(Offering::key))
                .forEach(o -> prices.append(o.key()).append('|').append(o.prices().currency()).append('|')
                        .append(o.prices().onDemand()).append('|').append(o.prices().spot()).append('|')
                        .append(o.prices().committed1y()).append('|').append(o.prices().committed3y()).append('|')
                        .append(o.spotInterruptionsPerHour()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(prices.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The accelerator names a plugin's offerings use that no installed hardware catalog knows (by model or alias),
     * each with the instance types that use it: the catalog shows no model or PFLOP price for those offerings and
     * simulations skip them, so the admin page reports them.
     */
    @PermitAll
    public Map<String, List<String>> unknownAccelerators(String pluginId) {
        return snapshot().unknownAccelerators(pluginId);
    }

    /** Providers or hardware catalogs that failed to answer when the catalog was last read. */
    @PermitAll
    public List<String> problems() {
        return snapshot().problems();
    }

    @PermitAll
    public CatalogFacets facets() {
        CatalogSnapshot s = snapshot();
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<String> accelerators = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> jurisdictions = new TreeSet<>();
        for (CatalogOffering o : s.offerings()) {
            regions.add(o.offering().regionId());
            jurisdictions.add(o.jurisdiction());
            if (o.offering().hasAccelerator()) {
                accelerators.add(o.acceleratorLabel());
            }
        }
        return new CatalogFacets(s.providers(), List.copyOf(regions), List.copyOf(accelerators),
                List.copyOf(jurisdictions));
    }

    /** The cheapest on-demand price per accelerator-hour for each accelerator and provider in the filter. */
    @PermitAll
    public AcceleratorPriceComparison cheapestPerAcceleratorHour(CatalogFilter filter) {
        Map<String, Map<String, Double>> cheapest = new LinkedHashMap<>();
        TreeSet<String> accelerators = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (CatalogOffering o : snapshot().offerings()) {
            if (!filter.matches(o) || o.pricePerAcceleratorHour() == null) {
                continue;
            }
            accelerators.add(o.acceleratorLabel());
            cheapest.computeIfAbsent(o.providerName(), k -> new LinkedHashMap<>())
                    .merge(o.acceleratorLabel(), o.pricePerAcceleratorHour(), Math::min);
        }
        List<String> axis = List.copyOf(accelerators);
        List<AcceleratorPriceComparison.Series> series = new ArrayList<>();
        cheapest.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> series.add(
                new AcceleratorPriceComparison.Series(e.getKey(),
                        axis.stream().map(a -> e.getValue().get(a)).toList())));
        return new AcceleratorPriceComparison(axis, series);
    }

    private CatalogSnapshot snapshot() {
        CatalogSnapshot current = snapshot;
        if (current != null && fresh(current)) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (current == null || !fresh(current)) {
                long readAt = host.generation();
                PriceLists.State prices = priceLists.state();
                current = CatalogSnapshot.build(readAt, host.extensions(CloudProvider.class),
                        host.extensions(HardwareCatalog.class), priceLists::offerings, prices);
                snapshot = current;
            }
            return current;
        }
    }
}
