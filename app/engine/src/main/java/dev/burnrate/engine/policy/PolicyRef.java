package dev.burnrate.engine.policy;

import java.util.Objects;

/** A policy at one version, as the decision log records it. */
public record PolicyRef(String id, int version) {
    public PolicyRef {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return id + "@v" + version;
    }
}
