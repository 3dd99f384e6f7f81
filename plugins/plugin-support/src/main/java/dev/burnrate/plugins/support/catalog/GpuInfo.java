package dev.burnrate.plugins.support.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SkyPilot's {@code GpuInfo} column says about an instance's accelerators. AWS writes a Python dict
 * ({@code {'Gpus': [{'Name': 'A10G', 'Manufacturer': 'NVIDIA', 'Count': 4, 'MemoryInfo': {'SizeInMiB': 22888}}]}}),
 * GCP a partial one (only memory), Azure just the model name.
 *
 * @param name        model name, or {@code null} when the column does not say
 * @param manufacturer e.g. NVIDIA, or {@code null}
 * @param count       accelerators per instance, or 0 when the column does not say
 * @param memoryMib   memory of one accelerator in MiB, or 0 when unknown
 */
public record GpuInfo(String name, String manufacturer, int count, long memoryMib) {

    /** Parses the column; empty text gives an empty result, malformed text an exception naming the text. */
    public static Optional<GpuInfo> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return Optional.of(new GpuInfo(trimmed, null, 0, 0));
        }
        if (!(PythonLiteral.parse(trimmed) instanceof Map<?, ?> root) || !(root.get("Gpus") instanceof List<?> gpus)
                || gpus.isEmpty() || !(gpus.get(0) instanceof Map<?, ?> gpu)) {
            throw new IllegalArgumentException("GpuInfo has no 'Gpus' list: " + text);
        }
        long memory = gpu.get("MemoryInfo") instanceof Map<?, ?> info && info.get("SizeInMiB") instanceof Number n
                ? n.longValue() : 0;
        int count = gpu.get("Count") instanceof Number n ? n.intValue() : 0;
        return Optional.of(new GpuInfo(asText(gpu.get("Name")), asText(gpu.get("Manufacturer")), count, memory));
    }

    private static String asText(Object value) {
        return value == null ? null : value.toString();
    }
}
