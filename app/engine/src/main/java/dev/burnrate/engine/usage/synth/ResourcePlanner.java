package dev.burnrate.engine.usage.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decides each synthetic resource's SKU, team, kind, purchase option and lifetime, and pre-encodes its CSV. */
final class ResourcePlanner {

    private ResourcePlanner() {
    }

    static List<SyntheticResource> plan(GeneratorSpec spec) {
        List<SyntheticResource> out = new ArrayList<>(spec.resources());
        int hours = spec.days() * 24;
        for (int id = 0; id < spec.resources(); id++) {
            long s = spec.seed();
            SkuSpec sku = spec.skus().get((int) (Rng.unit(s, id, 1) * spec.skus().size()));
            String team = spec.teams().get((int) (Rng.unit(s, id, 2) * spec.teams().size()));
            double k = Rng.unit(s, id, 3);
            SyntheticResource.Kind kind = k < 0.4 ? SyntheticResource.Kind.INFERENCE
                    : k < 0.7 ? SyntheticResource.Kind.DEV : SyntheticResource.Kind.TRAINING;
            double p = Rng.unit(s, id, 4);
            SyntheticResource.Purchase purchase = kind == SyntheticResource.Kind.TRAINING && sku.spotPrice() != null
                    && p < 0.6 ? SyntheticResource.Purchase.SPOT
                    : kind == SyntheticResource.Kind.INFERENCE && p < 0.5 ? SyntheticResource.Purchase.COMMITTED
                    : SyntheticResource.Purchase.ON_DEMAND;
            int first = Rng.unit(s, id, 5) < 0.8 ? 0 : (int) (Rng.unit(s, id, 6) * hours * 0.7);
            int last = Rng.unit(s, id, 7) < 0.85 ? hours : first + 1 + (int) (Rng.unit(s, id, 8) * (hours - first));
            double od = round(sku.onDemandPrice());
            double billed;
            double effective;
            double contracted;
            switch (purchase) {
                case SPOT -> {
                    billed = round(sku.spotPrice());
                    effective = billed;
                    contracted = billed;
                }
                case COMMITTED -> {
                    billed = 0.0;
                    effective = round(od * 0.6);
                    contracted = od;
                }
                default -> {
                    billed = od;
                    effective = od;
                    contracted = od;
                }
            }
            out.add(new SyntheticResource(id, sku, team, kind, purchase, first, Math.min(last, hours), billed,
                    effective, od, contracted, prefix(sku, id), suffix(sku, team, kind, id)));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String prefix(SkuSpec sku, int id) {
        String provider = sku.provider();
        String account = "ba-" + slug(provider) + "-" + (1000 + id % 3);
        return account + "," + provider + " billing " + (id % 3 + 1) + ",USD,";
    }

    private static String suffix(SkuSpec sku, String team, SyntheticResource.Kind kind, int id) {
        String provider = sku.provider();
        String env = kind == SyntheticResource.Kind.DEV ? "dev" : "prod";
        String resource = slug(provider) + "-" + sku.regionId() + "-i-" + String.format("%08x", id * 2654435761L & 0xffffffffL);
        String tags = "{\"\"cost-center\"\":\"\"cc-" + (100 + Math.abs(team.hashCode()) % 900) + "\"\",\"\"env\"\":\"\""
                + env + "\"\",\"\"team\"\":\"\"" + team + "\"\",\"\"workload\"\":\"\"" + kind.name().toLowerCase(Locale.ROOT)
                + "\"\"}";
        return "," + provider + "," + provider + "," + provider + "," + sku.regionId() + "," + resource + ","
                + team + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + id + ","
                + (sku.gpu() ? "GPU Virtual Machine" : "Virtual Machine") + "," + sku.serviceCategory() + ","
                + sku.serviceName() + "," + sku.instanceType() + ",sub-" + team + "-" + slug(provider) + ","
                + team + " (" + provider + "),\"" + tags + "\"";
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
