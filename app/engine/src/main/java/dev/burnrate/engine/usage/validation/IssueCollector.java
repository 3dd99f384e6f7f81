package dev.burnrate.engine.usage.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the issues of one import. Not thread-safe: one importer owns it. Memory stays bounded whatever the file
 * size: at most {@code maxReported} errors are kept in detail and warnings are counted per rule and column.
 */
public final class IssueCollector {

    private final ValidationMode mode;
    private final int maxReported;
    private final Map<Rule, Severity> overrides;
    private final List<ValidationIssue> errors = new ArrayList<>();
    private final Map<String, WarningSummary> warnings = new LinkedHashMap<>();
    private ValidationIssue fatal;
    private long errorCount;

    public IssueCollector(ValidationMode mode, int maxReported, Map<Rule, Severity> overrides) {
        this.mode = mode;
        this.maxReported = maxReported;
        this.overrides = Map.copyOf(overrides);
    }

    public ValidationMode mode() {
        return mode;
    }

    /** The severity a rule has in this import, after the caller's overrides. */
    public Severity severityOf(Rule rule, Severity normal) {
        Severity o = overrides.get(rule);
        return o == null || normal == Severity.FATAL ? normal : o;
    }

    /** Records an issue and returns the severity it was recorded with. */
    public Severity report(ValidationIssue issue) {
        Severity severity = severityOf(issue.rule(), issue.severity());
        switch (severity) {
            case FATAL -> {
                if (fatal == null) {
                    fatal = issue;
                }
            }
            case ERROR -> {
                errorCount++;
                if (errors.size() < maxReported) {
                    errors.add(severity == issue.severity() ? issue : withSeverity(issue, severity));
                }
            }
            case WARNING -> {
                String key = issue.rule() + "|" + issue.column();
                WarningSummary s = warnings.get(key);
                warnings.put(key, s == null
                        ? new WarningSummary(issue.rule(), issue.column(), 1, withSeverity(issue, Severity.WARNING))
                        : new WarningSummary(s.rule(), s.column(), s.count() + 1, s.first()));
            }
        }
        return severity;
    }

    private static ValidationIssue withSeverity(ValidationIssue i, Severity s) {
        return new ValidationIssue(i.row(), i.line(), i.column(), i.value(), i.rule(), s, i.message());
    }

    public boolean hasFatal() {
        return fatal != null;
    }

    public long errorCount() {
        return errorCount;
    }

    public ValidationReport toReport(long read, long accepted, long quarantined) {
        return new ValidationReport(mode, read, accepted, quarantined, Optional.ofNullable(fatal), errors,
                errorCount, List.copyOf(warnings.values()));
    }
}
