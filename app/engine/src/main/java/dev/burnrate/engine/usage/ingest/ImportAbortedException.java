package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.validation.Rule;

/** Stops an import at once because the file cannot be read further (limits, encoding, syntax). */
public final class ImportAbortedException extends RuntimeException {

    private final Rule rule;
    private final long line;
    private final String column;

    public ImportAbortedException(Rule rule, long line, String column, String message) {
        super(message);
        this.rule = rule;
        this.line = line;
        this.column = column;
    }

    public Rule rule() {
        return rule;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
