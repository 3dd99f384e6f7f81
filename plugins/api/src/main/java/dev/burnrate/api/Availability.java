package dev.burnrate.api;

import java.util.Objects;

/**
 * Whether something can run here, and if not, why.
 * <p>
 * Compute backends answer only yes or no ({@link #yes()}, {@link #no(String)}). Cloud providers answer for an
 * offering in a region ({@link CloudProvider#availability}) and say which of the {@link State}s applies (since API
 * 1.3.0): the portal shows it in the catalog and, before provisioning, fails over to another offering when the one
 * asked for cannot be had now.
 *
 * @param available whether it can run (or be created) now; {@code true} for {@link State#AVAILABLE} and
 *                  {@link State#UNKNOWN}, {@code false} for every other state
 * @param reason    why not (providers should always say), or a detail worth showing when available
 * @param state     the kind of answer (since API 1.3.0; the two-argument constructor of API 1.0-1.2 derives it)
 */
public record Availability(boolean available, String reason, State state) {

    /** What a provider can say about capacity (since API 1.3.0). */
    public enum State {
        /** In stock: it can be created now. */
        AVAILABLE,
        /** The provider has capacity but the account's quota (e.g. GPUs per region) is used up. */
        QUOTA_EXCEEDED,
        /** The provider has no capacity of this kind in the region now. */
        SOLD_OUT,
        /** Not available for another reason given in {@link Availability#reason()}. */
        UNAVAILABLE,
        /** The provider does not report capacity; the portal treats it as available and lets provisioning try. */
        UNKNOWN
    }

    public Availability {
        Objects.requireNonNull(state, "state");
        boolean runnable = state == State.AVAILABLE || state == State.UNKNOWN;
        if (available != runnable) {
            throw new IllegalArgumentException("available must be " + runnable + " for state " + state);
        }
    }

    /** The constructor of API 1.0-1.2: AVAILABLE or UNAVAILABLE. */
    public Availability(boolean available, String reason) {
        this(available, reason, available ? State.AVAILABLE : State.UNAVAILABLE);
    }

    public static Availability yes() {
        return new Availability(true, null);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }

    /** In stock (since API 1.3.0). */
    public static Availability inStock() {
        return yes();
    }

    /** The account's quota is used up, e.g. {@code "GPU quota of 8 in use"} (since API 1.3.0). */
    public static Availability quotaExceeded(String reason) {
        return new Availability(false, reason, State.QUOTA_EXCEEDED);
    }

    /** No capacity now, e.g. {@code "no H100 capacity in us-east-1"} (since API 1.3.0). */
    public static Availability soldOut(String reason) {
        return new Availability(false, reason, State.SOLD_OUT);
    }

    /** The provider does not know or does not say (since API 1.3.0). */
    public static Availability unknown(String reason) {
        return new Availability(true, reason, State.UNKNOWN);
    }
}
