package dev.burnrate.cli;

/** How a command prints its answer: a table for people, or canonical JSON for scripts. */
public enum OutputFormat {
    TABLE, JSON
}
