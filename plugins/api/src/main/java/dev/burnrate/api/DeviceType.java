package dev.burnrate.api;

public enum DeviceType {
    CPU,
    GPU,
    ACCELERATOR
}
