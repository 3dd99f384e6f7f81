package dev.burnrate.engine.usage.query;

/** How rows are grouped in time, by ChargePeriodStart in UTC. Weeks start on Monday (ISO 8601). */
public enum TimeBucket {
    NONE, HOUR, DAY, WEEK, MONTH
}
