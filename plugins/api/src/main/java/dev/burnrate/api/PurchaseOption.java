package dev.burnrate.api;

/** How capacity is bought. */
public enum PurchaseOption {
    ON_DEMAND,
    SPOT,
    /** A one-year commitment (reserved instance, savings plan or committed-use discount). */
    COMMITTED_1Y,
    /** A three-year commitment. */
    COMMITTED_3Y
}
