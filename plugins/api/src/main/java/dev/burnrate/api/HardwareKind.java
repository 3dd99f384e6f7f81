package dev.burnrate.api;

public enum HardwareKind {
    GPU,
    TPU,
    CPU,
    /** Other ML accelerators (AWS Trainium and Inferentia, ...): neither a GPU nor a Google TPU. Since API 1.3.0. */
    ACCELERATOR
}
