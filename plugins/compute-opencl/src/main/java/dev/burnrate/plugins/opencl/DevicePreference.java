package dev.burnrate.plugins.opencl;

import java.util.Locale;

/**
 * Which OpenCL device to run on: {@code gpu}, {@code cpu}, {@code accelerator}, or {@code any} (the default:
 * the first GPU if there is one, else the first CPU, else any device). Set by the plugin setting
 * {@value #SETTING}, overridden by the system property {@value #PROPERTY} (tests and benchmarks).
 */
enum DevicePreference {
    ANY, GPU, CPU, ACCELERATOR;

    static final String SETTING = "device-type";
    static final String PROPERTY = "burnrate.opencl.device-type";

    static DevicePreference parse(String value, String source) {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": unknown OpenCL device type '" + value
                    + "' (expected any, gpu, cpu or accelerator)", e);
        }
    }
}
