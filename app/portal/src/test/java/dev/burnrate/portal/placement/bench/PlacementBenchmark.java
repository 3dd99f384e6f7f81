package dev.burnrate.portal.placement.bench;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.placement.PlacementRanker;
import dev.burnrate.portal.placement.PlacementRanking;
import dev.burnrate.portal.placement.PlacementSpec;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.provisioning.ListPriceEstimator;
import dev.burnrate.portal.provisioning.PolicyDryRun;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.SimulatedEstimator;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.settings.SettingsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times "rank all offerings for a job": every row with an accelerator of the SkyPilot AWS, GCP and Azure
 * accelerator catalogs in ../shared/data/catalog, the NVIDIA and TPU hardware plugins' specs, the demo policies
 * without budgets (no database here), an H100 training job on personal EU data. Prints the median of the runs, the
 * offerings, and the load average before and after. Arguments: catalog folder, repository root, runs.
 */
public final class PlacementBenchmark {

    public static void main(String[] args) throws Exception {
        Path catalogDir = Path.of(args.length > 0 ? args[0] : "../shared/data/catalog");
        Path repo = Path.of(args.length > 1 ? args[1] : ".");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String loadBefore = load();
        List<CatalogOffering> offerings = new ArrayList<>();
        for (String provider : List.of("aws", "gcp", "azure")) {
            offerings.addAll(offerings(provider, catalogDir.resolve(provider + "_vms_accelerators.csv")));
        }
        List<HardwareSpec> specs = new ArrayList<>();
        for (String plugin : List.of("nvidia", "tpu")) {
            specs.addAll(specs(repo.resolve("plugins/hardware-" + plugin + "/src/main/resources/dev/burnrate/plugins/"
                    + plugin + "/specs.csv")));
        }
        List<Policy> policies = new ArrayList<>();
        for (String name : List.of("01-gdpr-eu-residency", "03-security-baseline", "04-spot-discipline", "05-hipaa",
                "07-inference-hardware", "08-tagging-standard")) {
            policies.add(new PolicyParser(RuleRegistry.standard()).parse(Files.readString(repo.resolve(
                    "app/portal/src/main/resources/demo/policies/" + name + ".yaml")), 1));
        }
        ActivePolicies active = mock(ActivePolicies.class);
        when(active.load()).thenReturn(policies);
        PolicyDryRun dryRun = new PolicyDryRun(active, new PolicyEvaluator(Clock.systemUTC()), mock(BudgetFigures.class));
        ComputeService compute = mock(ComputeService.class);
        when(compute.router()).thenReturn(KernelRouter.always(new ReferenceBackend()));
        SettingsService settings = mock(SettingsService.class);
        when(settings.get(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
        SimulatedEstimator estimator = new SimulatedEstimator(new ListPriceEstimator(), compute, settings);
        Offering reference = offerings.stream().map(CatalogOffering::offering)
                .filter(o -> o.instanceType().equals("p5.48xlarge") && o.regionId().equals("us-east-1")).findFirst()
                .orElseThrow();
        PlacementRanker.Judge judge = (placed, at, estimate) -> dryRun.judge(policies, placed,
                new Region(at.offering().regionId(), at.regionName(), at.country(), at.jurisdiction(),
                        new ComplianceFacts(true, true, true, true, true)), at.offering(), estimate);
        System.out.printf("offerings with an accelerator: %,d; hardware specs: %d; load average before: %s%n",
                offerings.size(), specs.size(), loadBefore);
        for (PurchaseOption option : List.of(PurchaseOption.ON_DEMAND, PurchaseOption.SPOT)) {
            RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, "ml-research", "llm", "bench", "aws",
                    "us-east-1", "p5.48xlarge", 1, option, 72.0, "personal-eu",
                    Map.of("cost-center", "CC-1", "owner", "bench", "data-classification", "personal-eu"), true, true,
                    true, false);
            PlacementRanker ranker = new PlacementRanker(estimator, specs, 10);
            // spot runs the 20,000-scenario Monte Carlo per offering: one run says enough
            int times = option == PurchaseOption.SPOT ? 1 : runs;
            double[] millis = new double[times];
            PlacementRanking ranking = null;
            for (int run = 0; run < times; run++) {
                long start = System.nanoTime();
                ranking = ranker.rank(new PlacementSpec(draft, reference), offerings, judge);
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("%s: median %.0f ms over %d runs (min %.0f, max %.0f); %d feasible, %d excluded;"
                            + " cheapest %s at %.2f%n", option, millis[times / 2], times, millis[0], millis[times - 1],
                    ranking.feasible().size(), ranking.excluded().size(),
                    ranking.feasible().isEmpty() ? "-" : ranking.feasible().getFirst().offering().key(),
                    ranking.feasible().isEmpty() ? 0 : ranking.feasible().getFirst().estimate().expectedTotal());
            ranking.exclusionCounts().forEach((reason, n) -> System.out.printf("  %,d left out: %s%n", n, reason));
        }
        System.out.println("load average after: " + load());
    }

    private static String load() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static List<CatalogOffering> offerings(String provider, Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = split(lines.getFirst());
        int type = header.indexOf("InstanceType");
        int accelerator = header.indexOf("AcceleratorName");
        int count = header.indexOf("AcceleratorCount");
        int vcpus = header.indexOf("vCPUs");
        int memory = header.indexOf("MemoryGiB");
        int price = header.indexOf("Price");
        int spot = header.indexOf("SpotPrice");
        int region = header.indexOf("Region");
        List<CatalogOffering> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = split(line);
            if (f.get(type).isBlank() || f.get(accelerator).isBlank() || f.get(price).isBlank() || f.get(count).isBlank()
                    || !seen.add(f.get(type) + "/" + f.get(region))) {
                continue; // GCP's attachable accelerators (no instance type), unpriced rows, one row per zone of a region
            }
            String r = f.get(region);
            String jurisdiction = r.startsWith("eu") || r.startsWith("europe") || r.contains("westeurope")
                    || r.contains("northeurope") || r.startsWith("france") || r.startsWith("germany")
                    || r.startsWith("sweden") ? "EU" : r.startsWith("us") || r.contains("us") ? "US" : "OTHER";
            Double spotPrice = spot < 0 || f.get(spot).isBlank() ? null : Double.valueOf(f.get(spot));
            Offering o = new Offering(provider, f.get(type), r, f.get(accelerator),
                    (int) Double.parseDouble(f.get(count)), number(f.get(vcpus)), number(f.get(memory)), "compute", new Prices(Double.parseDouble(f.get(price)),
                    spotPrice, null, null, null));
            out.add(new CatalogOffering(provider, provider, provider, o, r, "X", jurisdiction, true, true, null, null,
                    null, null));
        }
        return out;
    }

    private static List<HardwareSpec> specs(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = split(lines.getFirst());
        List<HardwareSpec> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = split(line);
            Map<Precision, Double> peaks = new EnumMap<>(Precision.class);
            for (Precision p : Precision.values()) {
                int at = header.indexOf(p.name().toLowerCase());
                if (at >= 0 && !f.get(at).isBlank()) {
                    peaks.put(p, Double.parseDouble(f.get(at)));
                }
            }
            out.add(new HardwareSpec(f.get(0), f.get(1).isBlank() ? List.of() : List.of(f.get(1).split("\\|")),
                    HardwareKind.valueOf(f.get(2)), f.get(3), Double.parseDouble(f.get(4)),
                    Double.parseDouble(f.get(5)), peaks, 0, 0, f.get(f.size() - 1)));
        }
        return out;
    }

    /** A catalog number; some rows leave vCPUs or memory empty. */
    private static double number(String field) {
        return field.isBlank() ? 0 : Double.parseDouble(field);
    }

    /** One CSV line, double quotes around fields that hold commas. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
