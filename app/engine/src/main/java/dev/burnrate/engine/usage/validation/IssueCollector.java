package dev.burnrate.engine.usage.validation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final Map<String, Tally> deviations = new LinkedHashMap<>();
    private ValidationIssue fatal;
    private long errorCount;
    private String focusVersion = "";

    public IssueCollector(ValidationMode mode, int maxReported, Map<Rule, Severity> overrides) {
        this.mode = mode;
        this.maxReported = maxReported;
        this.overrides = Map.copyOf(overrides);
    }

    public ValidationMode mode() {
        return mode;
    }

    /**
     * Rules whose rows cannot be kept: a value that does not parse as its type, or a row with a different number of
     * fields than the header, has no faithful stored form (it would become a null or lose fields), so an override
     * cannot make them warnings; the row is quarantined (lenient) or the file rejected (strict).
     */
    static final Set<Rule> NEVER_KEPT = EnumSet.of(Rule.TYPE, Rule.FIELD_COUNT);

    /** The severity a rule has in this import, after the caller's overrides. */
    public Severity severityOf(Rule rule, Severity normal) {
        Severity o = overrides.get(rule);
        if (o == null || normal == Severity.FATAL || (o == Severity.WARNING && NEVER_KEPT.contains(rule))) {
            return normal;
        }
        return o;
    }

    /** The FOCUS version the file declares or resembles, which the conformance report is judged against. */
    public void focusVersion(String version) {
        this.focusVersion = version;
    }

    /** Records an issue and returns the severity it was recorded with. */
    public Severity report(ValidationIssue issue) {
        Severity severity = severityOf(issue.rule(), issue.severity());
        if (severity != Severity.FATAL) {
            tally(severity == issue.severity() ? issue : withSeverity(issue, severity));
        }
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

    private void tally(ValidationIssue issue) {
        deviations.computeIfAbsent(issue.rule() + "|" + issue.column() + "|" + issue.severity(),
                k -> new Tally(issue.rule(), issue.column(), issue.severity())).add(issue);
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
                errorCount, List.copyOf(warnings.values()), focusVersion,
                deviations.values().stream().map(Tally::toDeviation).toList());
    }

    /** Counts of one rule in one column, with the first few occurrences kept as examples. */
    private static final class Tally {
        private final Rule rule;
        private final String column;
        private final Severity severity;
        private final List<ValidationIssue> examples = new ArrayList<>(Deviation.MAX_EXAMPLES);
        private long count;

        Tally(Rule rule, String column, Severity severity) {
            this.rule = rule;
            this.column = column;
            this.severity = severity;
        }

        void add(ValidationIssue issue) {
            count++;
            if (examples.size() < Deviation.MAX_EXAMPLES) {
                examples.add(issue);
            }
        }

        Deviation toDeviation() {
            return new Deviation(rule, column, severity, count, examples);
        }
    }
}
