package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.schema.FocusColumns;
import dev.burnrate.engine.usage.schema.FocusVersion;
import dev.burnrate.engine.usage.validation.IssueCollector;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a source header to the stored layout: FOCUS columns in specification order, then extension columns in
 * source order. Header problems are reported here: duplicates and missing core columns are fatal, a missing
 * mandatory column is an error in strict mode and a warning in lenient mode, a name in the wrong case or an
 * extension without the {@code x_} prefix is a warning.
 */
public final class ColumnLayout {

    private final List<FocusColumn> columns;
    private final int[] sourceToTarget;

    private ColumnLayout(List<FocusColumn> columns, int[] sourceToTarget) {
        this.columns = List.copyOf(columns);
        this.sourceToTarget = sourceToTarget;
    }

    /** The stored columns. */
    public List<FocusColumn> columns() {
        return columns;
    }

    /** For each source position, the stored column index. */
    public int targetOf(int sourcePosition) {
        return sourceToTarget[sourcePosition];
    }

    public int sourceWidth() {
        return sourceToTarget.length;
    }

    public int indexOf(String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds the layout or returns {@code null} after reporting a fatal header problem. */
    public static ColumnLayout fromHeader(List<String> header, IssueCollector issues) {
        List<FocusColumn> found = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            FocusColumn col = resolve(name, issues);
            Integer previous = seen.putIfAbsent(col.id().toLowerCase(Locale.ROOT), i);
            if (previous != null) {
                issues.report(fileIssue(col.id(), Rule.DUPLICATE_COLUMN, Severity.FATAL,
                        "column '" + col.id() + "' appears at positions " + (previous + 1) + " and " + (i + 1)));
                return null;
            }
            found.add(col);
        }
        FocusVersion version = FocusVersion.resembledBy(found.stream().map(FocusColumn::id).toList());
        issues.focusVersion(version.label());
        if (!checkMissing(found, version, issues)) {
            return null;
        }
        List<FocusColumn> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparingInt(c -> c.isFocus() ? FocusColumns.ordinal(c.id()) : Integer.MAX_VALUE));
        int[] map = new int[found.size()];
        for (int i = 0; i < found.size(); i++) {
            map[i] = ordered.indexOf(found.get(i));
        }
        return new ColumnLayout(ordered, map);
    }

    /** A layout for columns already in stored order (Arrow sources). */
    public static ColumnLayout of(List<FocusColumn> stored) {
        int[] identity = new int[stored.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new ColumnLayout(stored, identity);
    }

    private static FocusColumn resolve(String name, IssueCollector issues) {
        var focus = FocusColumns.byIdIgnoreCase(name);
        if (focus.isPresent()) {
            if (!focus.get().id().equals(name)) {
                issues.report(fileIssue(name, Rule.COLUMN_NAME, Severity.WARNING,
                        "read as FOCUS column " + focus.get().id()));
            }
            return focus.get();
        }
        if (!name.startsWith("x_")) {
            issues.report(fileIssue(name, Rule.COLUMN_NAME, Severity.WARNING,
                    "not a FOCUS column and without the x_ prefix; kept as an extension column"));
        }
        return FocusColumn.extension(name);
    }

    private static boolean checkMissing(List<FocusColumn> found, FocusVersion version, IssueCollector issues) {
        Set<String> ids = new HashSet<>();
        found.forEach(c -> ids.add(c.id()));
        for (String core : FocusColumns.CORE) {
            if (!ids.contains(core)) {
                issues.report(fileIssue(core, Rule.MISSING_COLUMN, Severity.FATAL,
                        "column " + core + " is required to import a file in any mode"));
                return false;
            }
        }
        boolean strict = issues.mode() == ValidationMode.STRICT;
        for (FocusColumn c : FocusColumns.mandatory()) {
            if (!ids.contains(c.id()) && version.defines(c.id())) {
                issues.report(fileIssue(c.id(), Rule.MISSING_COLUMN, strict ? Severity.FATAL : Severity.WARNING,
                        "mandatory FOCUS column " + c.id() + " is missing" + (strict ? "" : "; imported without it")));
                if (strict) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ValidationIssue fileIssue(String column, Rule rule, Severity severity, String message) {
        return new ValidationIssue(0, 1, column, null, rule, severity, message);
    }
}
