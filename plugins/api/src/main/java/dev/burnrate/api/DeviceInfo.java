package dev.burnrate.api;

/**
 * A device a backend runs kernels on.
 *
 * @param name         e.g. {@code pthread-AMD EPYC 7B13} or {@code NVIDIA H200}
 * @param type         CPU, GPU or another accelerator
 * @param vendor       the device vendor
 * @param computeUnits cores or streaming multiprocessors
 * @param memoryBytes  memory the device can use
 */
public record DeviceInfo(String name, DeviceType type, String vendor, int computeUnits, long memoryBytes) {
}
