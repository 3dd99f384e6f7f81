package dev.burnrate.plugins.testkit;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the datasheet figures of a {@link HardwareCatalog} for sane ranges, unique names and a cited source.
 * Bounds are wide (a B200 does 4.5 PFLOP/s dense FP8); they catch unit mistakes (GB vs MB, TFLOP/s vs GFLOP/s).
 * A TDP of 0, and for CPUs a memory bandwidth of 0, mean "not published by the vendor".
 */
public final class HardwareConformance {
    private static final double MAX_TFLOPS = 50_000;
    private static final double MAX_MEMORY_GB = 2_048;
    private static final double MAX_BANDWIDTH_GBS = 50_000;

    private HardwareConformance() {
    }

    public static List<Violation> check(HardwareCatalog catalog) {
        List<Violation> violations = new ArrayList<>();
        Checks.checkIdentity(catalog, "hardware catalog", violations);
        List<HardwareSpec> specs = catalog.specs();
        if (specs == null || specs.isEmpty()) {
            violations.add(new Violation("hardware catalog " + catalog.id(), "has-specs", "lists no hardware"));
            return violations;
        }
        Map<String, String> names = new HashMap<>();
        for (HardwareSpec spec : specs) {
            checkSpec(spec, violations);
            claim(names, spec.model(), spec, violations);
            for (String alias : spec.aliases()) {
                claim(names, alias, spec, violations);
            }
        }
        return violations;
    }

    private static void claim(Map<String, String> names, String name, HardwareSpec spec, List<Violation> violations) {
        String previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), spec.model());
        if (previous != null) {
            violations.add(new Violation("spec " + spec.model(), "unique-name",
                    "name '" + name + "' is already used by " + previous));
        }
    }

    private static void checkSpec(HardwareSpec spec, List<Violation> violations) {
        String subject = "spec " + spec.model();
        if (Checks.isBlank(spec.model())) {
            violations.add(new Violation(subject, "model", "model is blank"));
        }
        if (Checks.isBlank(spec.source()) || !spec.source().contains("http")) {
            violations.add(new Violation(subject, "cites-source", "source must name the datasheet and its URL"));
        }
        // 0 means "not published" (Google publishes no TPU TDP, AWS none for its custom CPUs); anything else
        // must look like watts.
        if (spec.tdpWatts() != 0) {
            Checks.range(violations, subject, "sane-tdp", "tdpWatts", spec.tdpWatts(), 1, 2_000);
        }
        if (spec.kind() != HardwareKind.CPU || spec.memoryBandwidthGbs() != 0) {
            Checks.range(violations, subject, "sane-bandwidth", "memoryBandwidthGbs", spec.memoryBandwidthGbs(), 1,
                    MAX_BANDWIDTH_GBS);
        }
        for (Map.Entry<Precision, Double> peak : spec.peakTflops().entrySet()) {
            Checks.range(violations, subject, "sane-peak", "peak " + peak.getKey(), peak.getValue(), 0.001,
                    MAX_TFLOPS);
        }
        if (spec.kind() == HardwareKind.CPU) {
            Checks.range(violations, subject, "sane-cores", "cores", spec.cores(), 1, 1_024);
            Checks.range(violations, subject, "sane-memory", "memoryGb", spec.memoryGb(), 0, MAX_MEMORY_GB);
        } else {
            Checks.range(violations, subject, "sane-memory", "memoryGb", spec.memoryGb(), 1, MAX_MEMORY_GB);
            if (spec.peak(Precision.BF16) <= 0 && spec.peak(Precision.FP16) <= 0 && spec.peak(Precision.FP32) <= 0) {
                violations.add(new Violation(subject, "has-peak",
                        "an accelerator needs at least one of BF16, FP16 or FP32 peak throughput"));
            }
        }
    }
}
