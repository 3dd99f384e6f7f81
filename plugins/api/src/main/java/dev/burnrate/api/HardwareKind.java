package dev.burnrate.api;

public enum HardwareKind {
    GPU,
    TPU,
    CPU
}
