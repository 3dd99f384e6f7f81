package dev.burnrate.engine.usage.query;

import java.util.Objects;
import java.util.Set;

/**
 * Restricts a query to the rows of some teams: rows whose tag {@code tagKey} has one of {@code teams}. Untagged
 * rows are outside every scope. Applied on top of the query's own filters, so a filter can narrow a scope but
 * never widen it.
 */
public record TeamScope(String tagKey, Set<String> teams) {

    public TeamScope {
        Objects.requireNonNull(tagKey, "tagKey");
        teams = Set.copyOf(teams);
    }
}
