package dev.burnrate.plugins.gcp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cloud TPU slice name such as {@code tpu-v6e-8} or {@code tpu-v5p-12288}. For v5e and v6e the size counts chips;
 * for v2 to v5p it counts TensorCores, two per chip (https://cloud.google.com/tpu/docs/system-architecture-tpu-vm).
 *
 * @param accelerator the chip generation as hardware catalogs name it, e.g. {@code tpu-v6e}
 * @param chips       chips in the slice
 */
record TpuSlice(String accelerator, int chips) {
    private static final Pattern NAME = Pattern.compile("tpu-(v\\d+[a-z]*)-(\\d+)");

    static TpuSlice parse(String name) {
        Matcher m = NAME.matcher(name.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a TPU slice name: '" + name + "'");
        }
        String version = m.group(1);
        int size = Integer.parseInt(m.group(2));
        boolean sizeCountsChips = version.equals("v5e") || version.equals("v5litepod") || version.equals("v6e");
        if (!sizeCountsChips && size % 2 != 0) {
            throw new IllegalArgumentException("TPU " + version + " sizes count TensorCores (two per chip): '" + name + "'");
        }
        return new TpuSlice("tpu-" + (version.equals("v5litepod") ? "v5e" : version), sizeCountsChips ? size : size / 2);
    }
}
