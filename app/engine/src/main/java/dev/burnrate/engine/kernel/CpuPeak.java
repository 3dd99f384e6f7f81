package dev.burnrate.engine.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The fp32 peak of this machine's CPUs from {@code /proc/cpuinfo}: cores x clock x FLOP per cycle, where FLOP per
 * cycle follows from the vector width and FMA pipes the flags and CPU family imply. {@link #derivation()} says how
 * the figure was reached, so a reader can check it.
 *
 * @param gflops     the peak in GFLOP/s
 * @param derivation cores, clock, per-cycle figure and the reasoning behind it
 */
public record CpuPeak(double gflops, String derivation) {

    public static CpuPeak detect(int cores) {
        try {
            return fromCpuInfo(Files.readAllLines(Path.of("/proc/cpuinfo")), cores);
        } catch (IOException e) {
            return new CpuPeak(Double.NaN, "unknown: /proc/cpuinfo not readable (" + e.getMessage() + ")");
        }
    }

    public static CpuPeak fromCpuInfo(List<String> lines, int cores) {
        String vendor = field(lines, "vendor_id");
        String model = field(lines, "model name");
        int family = parseInt(field(lines, "cpu family"));
        double mhz = Double.parseDouble(field(lines, "cpu MHz").isEmpty() ? "NaN" : field(lines, "cpu MHz"));
        Set<String> flags = Set.of(field(lines, "flags").split("\\s+"));
        int flopsPerCycle;
        String why;
        if ("AuthenticAMD".equals(vendor) && family == 0x19 && flags.contains("avx512f")) {
            flopsPerCycle = 32;
            why = "AMD Zen 4 (family 25 with avx512f): two 256-bit FMA pipes, AVX-512 issued as two halves"
                    + " = 16 fp32 FMA = 32 FLOP/cycle";
        } else if ("AuthenticAMD".equals(vendor) && family >= 0x1A && flags.contains("avx512f")) {
            flopsPerCycle = 64;
            why = "AMD Zen 5+ (family >= 26): two 512-bit FMA pipes = 32 fp32 FMA = 64 FLOP/cycle";
        } else if (flags.contains("avx512f")) {
            flopsPerCycle = 64;
            why = "avx512f: assumed two 512-bit FMA units (server Xeon) = 64 FLOP/cycle";
        } else if (flags.contains("fma") && flags.contains("avx2")) {
            flopsPerCycle = 32;
            why = "avx2+fma: two 256-bit FMA units = 32 FLOP/cycle";
        } else {
            flopsPerCycle = 8;
            why = "SSE only: 4-wide add + 4-wide multiply = 8 FLOP/cycle";
        }
        double gflops = cores * mhz / 1000 * flopsPerCycle;
        String derivation = String.format("%d cores x %.3f GHz (cpu MHz in /proc/cpuinfo, %s %s) x %d FLOP/cycle"
                + " [%s] = %.1f GFLOP/s", cores, mhz / 1000, vendor, model, flopsPerCycle, why, gflops);
        return new CpuPeak(gflops, derivation);
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
