package dev.burnrate.portal.plugin;

import dev.burnrate.api.ResourceState;

/** A live resource whose provider would be gone if a plugin were uninstalled. */
public record OrphanedResource(String id, String name, String team, String owner, String providerId,
                               ResourceState state) {

    /** e.g. "sample-42 (train-llm, team ml-research, RUNNING)". */
    public String text() {
        return id + " (" + name + ", team " + team + ", " + state + ")";
    }
}
