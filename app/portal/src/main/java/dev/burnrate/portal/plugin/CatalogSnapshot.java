package dev.burnrate.portal.plugin;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.Region;
import dev.burnrate.engine.plugin.PluginCallException;
import dev.burnrate.engine.plugin.PluginExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.TreeMap;

/**
 * Everything the catalog shows, read from the plugins once per plugin-host generation. A provider or hardware
 * catalog that fails to answer is left out and listed in {@link #problems()}; the rest still shows.
 */
record CatalogSnapshot(long generation, List<CatalogOffering> offerings, List<ProviderSummary> providers,
                       List<HardwareSpec> hardware, List<String> problems, PriceLists.State prices) {

    static CatalogSnapshot build(long generation, List<PluginExtension<CloudProvider>> providers,
                                 List<PluginExtension<HardwareCatalog>> catalogs) {
        return build(generation, providers, catalogs, (providerId, own) -> own, null);
    }

    /**
     * @param prices      the offerings to use for a provider given its own: those of an applied price list in
     *                    effect, if any ({@link PriceLists#offerings})
     * @param priceState  which price lists were in effect when this snapshot was read
     */
    static CatalogSnapshot build(long generation, List<PluginExtension<CloudProvider>> providers,
                                 List<PluginExtension<HardwareCatalog>> catalogs,
                                 BiFunction<String, List<Offering>, List<Offering>> prices,
                                 PriceLists.State priceState) {
        List<String> problems = new ArrayList<>();
        List<HardwareSpec> hardware = new ArrayList<>();
        for (PluginExtension<HardwareCatalog> catalog : catalogs) {
            try {
                hardware.addAll(catalog.extension().specs());
            } catch (PluginCallException e) {
                problems.add(e.getMessage());
            }
        }
        Map<String, HardwareSpec> byName = index(hardware);
        List<CatalogOffering> offerings = new ArrayList<>();
        List<ProviderSummary> summaries = new ArrayList<>();
        for (PluginExtension<CloudProvider> provider : providers) {
            try {
                CloudProvider cloud = provider.extension();
                String id = cloud.id();
                String name = cloud.displayName();
                Map<String, Region> regions = new HashMap<>();
                cloud.regions().forEach(r -> regions.put(r.id(), r));
                List<Offering> list = prices.apply(id, cloud.offerings());
                for (Offering offering : list) {
                    Region region = regions.get(offering.regionId());
                    if (region != null) {
                        offerings.add(join(provider.pluginId(), id, name, offering, region, byName));
                    }
                }
                summaries.add(new ProviderSummary(provider.pluginId(), id, name, regions.size(), list.size()));
            } catch (PluginCallException e) {
                problems.add(e.getMessage());
            }
        }
        return new CatalogSnapshot(generation, List.copyOf(offerings), List.copyOf(summaries), List.copyOf(hardware),
                List.copyOf(problems), priceState);
    }

    Optional<HardwareSpec> spec(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(index(hardware).get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The accelerator names a plugin's offerings use that no hardware catalog knows (by model or alias), each with
     * the instance types using it, in name order.
     */
    Map<String, List<String>> unknownAccelerators(String pluginId) {
        Map<String, List<String>> unknown = new TreeMap<>();
        for (CatalogOffering o : offerings) {
            if (o.pluginId().equals(pluginId) && o.offering().hasAccelerator() && o.hardwareModel() == null) {
                List<String> types = unknown.computeIfAbsent(o.offering().acceleratorName(), k -> new ArrayList<>());
                if (!types.contains(o.offering().instanceType())) {
                    types.add(o.offering().instanceType());
                }
            }
        }
        return unknown;
    }

    private static CatalogOffering join(String pluginId, String providerId, String providerName, Offering o,
                                        Region region, Map<String, HardwareSpec> specs) {
        Double perAccelerator = null;
        String model = null;
        Double pflops = null;
        Double perPflopHour = null;
        if (o.hasAccelerator()) {
            perAccelerator = o.prices().onDemand() / o.acceleratorCount();
            HardwareSpec spec = specs.get(o.acceleratorName().toLowerCase(Locale.ROOT));
            if (spec != null) {
                model = spec.model();
                double bf16 = spec.peak(Precision.BF16);
                if (bf16 > 0) {
                    pflops = bf16 * o.acceleratorCount() / 1000;
                    perPflopHour = o.prices().onDemand() / pflops;
                }
            }
        }
        return new CatalogOffering(pluginId, providerId, providerName, o, region.name(), region.geography(),
                region.jurisdiction(), region.compliance().hipaaEligible(), region.compliance().gdprAdequate(),
                perAccelerator, model, pflops, perPflopHour);
    }

    /** Accelerator specs by lower-case model and alias; CPUs are not accelerators and stay out. */
    private static Map<String, HardwareSpec> index(List<HardwareSpec> hardware) {
        Map<String, HardwareSpec> byName = new HashMap<>();
        for (HardwareSpec spec : hardware) {
            if (spec.kind() == HardwareKind.CPU) {
                continue;
            }
            byName.putIfAbsent(spec.model().toLowerCase(Locale.ROOT), spec);
            spec.aliases().forEach(a -> byName.putIfAbsent(a.toLowerCase(Locale.ROOT), spec));
        }
        return byName;
    }
}
