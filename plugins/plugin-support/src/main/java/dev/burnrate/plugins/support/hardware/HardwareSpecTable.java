package dev.burnrate.plugins.support.hardware;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import dev.burnrate.plugins.support.csv.CsvRow;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hardware specs from a CSV resource: {@code model, aliases (separated by |), kind, vendor, memory_gb,
 * bandwidth_gbs, fp64, fp32, tf32, bf16, fp16, fp8, int8, tdp_w, cores, source}. Peak columns are dense TFLOP/s
 * (TOP/s for INT8); an empty cell means the hardware does not support that precision.
 */
public final class HardwareSpecTable {
    private HardwareSpecTable() {
    }

    public static List<HardwareSpec> read(CsvTable table) {
        table.requireColumns("model", "aliases", "kind", "vendor", "memory_gb", "bandwidth_gbs", "tdp_w", "cores",
                "source");
        List<HardwareSpec> specs = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            Map<Precision, Double> peaks = new EnumMap<>(Precision.class);
            for (Precision precision : Precision.values()) {
                Double value = row.decimal(precision.name().toLowerCase(Locale.ROOT));
                if (value != null) {
                    peaks.put(precision, value);
                }
            }
            String aliases = row.text("aliases");
            List<String> aliasList = aliases == null ? List.of()
                    : Arrays.stream(aliases.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            HardwareKind kind;
            try {
                kind = HardwareKind.valueOf(row.requiredText("kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("kind", "must be GPU, TPU, CPU or ACCELERATOR but is '" + row.text("kind") + "'");
            }
            specs.add(new HardwareSpec(row.requiredText("model"), aliasList, kind, row.requiredText("vendor"),
                    row.decimal("memory_gb", 0), row.decimal("bandwidth_gbs", 0), peaks, row.decimal("tdp_w", 0),
                    (int) row.decimal("cores", 0), row.requiredText("source")));
        }
        return List.copyOf(specs);
    }
}
