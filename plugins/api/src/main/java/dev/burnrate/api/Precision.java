package dev.burnrate.api;

/** Number formats whose peak throughput datasheets publish. Dense (no sparsity) figures throughout. */
public enum Precision {
    FP64,
    FP32,
    TF32,
    BF16,
    FP16,
    FP8,
    INT8
}
