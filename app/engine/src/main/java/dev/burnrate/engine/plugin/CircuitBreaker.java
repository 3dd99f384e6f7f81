package dev.burnrate.engine.plugin;

import java.time.Duration;
import java.util.Optional;

/**
 * One plugin's circuit: CLOSED (calls pass, consecutive faults counted), OPEN (calls refused until the cool-down
 * ends), HALF_OPEN (one trial call passes; its answer closes the circuit, its failure opens it again). Times are
 * {@link System#nanoTime()}-style readings passed in by the {@link ExtensionGuard}. Thread-safe.
 */
final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    enum Admission { PASS, TRIAL, REFUSED }

    private final int faultsToOpen;
    private final long coolDownNanos;
    private State state = State.CLOSED;
    private int consecutiveFaults;
    private long openedAt;
    private String reason;
    private boolean trialRunning;
    private boolean coolDownNoticed;

    CircuitBreaker(int faultsToOpen, Duration coolDown) {
        this.faultsToOpen = faultsToOpen;
        this.coolDownNanos = coolDown.toNanos();
    }

    synchronized Admission admit(long now) {
        if (state == State.CLOSED) {
            return Admission.PASS;
        }
        if (state == State.OPEN && coolDownOver(now)) {
            state = State.HALF_OPEN;
        }
        if (state == State.HALF_OPEN && !trialRunning) {
            trialRunning = true;
            return Admission.TRIAL;
        }
        return Admission.REFUSED;
    }

    /** True when the circuit was not closed and now is (a trial answered). */
    synchronized boolean succeeded(boolean trial) {
        if (trial) {
            trialRunning = false;
        }
        if (state == State.CLOSED) {
            consecutiveFaults = 0;
            return false;
        }
        if (!trial) {
            return false; // a call admitted before the circuit opened: it says nothing about the plugin now
        }
        state = State.CLOSED;
        consecutiveFaults = 0;
        reason = null;
        return true;
    }

    /** Counts a fault; returns the consecutive faults so far. */
    synchronized int failed(boolean trial) {
        if (trial) {
            trialRunning = false;
        }
        return ++consecutiveFaults;
    }

    /** Opens (or re-opens, restarting the cool-down); true when it was not open before. */
    synchronized boolean open(String why, long now) {
        boolean wasOpen = state == State.OPEN;
        if (!wasOpen) {
            // a late failure of a call admitted earlier must not restart the cool-down of an open circuit
            openedAt = now;
            reason = why;
            coolDownNoticed = false;
        }
        state = State.OPEN;
        trialRunning = false;
        return !wasOpen;
    }

    synchronized void abandonTrial(boolean trial) {
        if (trial) {
            trialRunning = false;
        }
    }

    synchronized boolean refusesAt(long now) {
        return switch (state) {
            case CLOSED -> false;
            case OPEN -> !coolDownOver(now);
            case HALF_OPEN -> trialRunning;
        };
    }

    /** True once per opening, when its cool-down is found to be over. */
    synchronized boolean noticeCoolDownEnded(long now) {
        if (state == State.OPEN && !coolDownNoticed && coolDownOver(now)) {
            coolDownNoticed = true;
            return true;
        }
        return false;
    }

    synchronized Optional<String> reason() {
        return state == State.CLOSED ? Optional.empty() : Optional.ofNullable(reason);
    }

    synchronized String retryHint(long now) {
        if (state == State.HALF_OPEN) {
            return "a trial call is checking whether it works again";
        }
        long left = Math.max(0, coolDownNanos - (now - openedAt));
        return "a trial call is let through in " + Math.max(1, Duration.ofNanos(left).toSeconds()) + " s";
    }

    private boolean coolDownOver(long now) {
        return now - openedAt >= coolDownNanos;
    }
}
