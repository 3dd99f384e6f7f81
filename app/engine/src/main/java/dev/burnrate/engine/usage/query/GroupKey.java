package dev.burnrate.engine.usage.query;

import java.util.Objects;

/**
 * What to group by: a FOCUS dimension column (e.g. {@code ServiceName}) or the value of one tag key
 * (e.g. tag {@code team}).
 */
public record GroupKey(String name, boolean tag) {

    public GroupKey {
        Objects.requireNonNull(name, "name");
    }

    public static GroupKey dimension(String column) {
        return new GroupKey(column, false);
    }

    public static GroupKey tag(String key) {
        return new GroupKey(key, true);
    }

    /** How the key is labelled in results: the column id, or {@code tag:key}. */
    public String label() {
        return tag ? "tag:" + name : name;
    }
}
