package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.ColumnType;
import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.validation.IssueCollector;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Turns source cells into a typed row, checks it against FOCUS, and hands good rows to the
 * {@link ImportWriter} and bad ones to the quarantine. Every importer (CSV, Arrow IPC, Parquet) drives one.
 * Checks that depend on a value alone run once per distinct value ({@link DictionaryColumn}); per-row work is
 * parsing numbers and times, null checks and the period order.
 */
public final class RowAssembler {

    private final List<FocusColumn> columns;
    private final ColumnType[] types;
    private final DictionaryColumn[] dictionaries;
    private final IssueCollector issues;
    private final ImportWriter writer;
    private final Set<String> nullTokens;
    private final RowStaging row;
    private final DecimalParser decimals = new DecimalParser();
    private final TimestampParser timestamps = new TimestampParser();
    private final PeriodCheck periods;
    /** The BillingCurrency column, -1 when the source has none. */
    private final int currencyColumn;
    /** Per column, the currency sign its value in this row was written with (0: none); checked at the row's end. */
    private final char[] signs;
    private final String[] signedTexts;
    private boolean anySign;
    private final List<ValidationIssue> rowProblems = new ArrayList<>();
    private boolean rowBad;
    private boolean[] absent;
    private long rowNumber;
    private long line;
    private long read;
    private ImportProgress progress = ImportProgress.NONE;
    private DoubleSupplier fraction = () -> -1;
    private long quarantined;

    RowAssembler(List<FocusColumn> columns, ImportOptions options, IssueCollector issues, ImportWriter writer) {
        this.columns = columns;
        this.issues = issues;
        this.writer = writer;
        this.nullTokens = options.nullTokens();
        int n = columns.size();
        this.types = new ColumnType[n];
        this.dictionaries = new DictionaryColumn[n];
        for (int c = 0; c < n; c++) {
            types[c] = columns.get(c).type();
            if (types[c].dictionaryEncoded()) {
                dictionaries[c] = new DictionaryColumn(columns.get(c), options.maxDistinctValues());
            }
        }
        this.row = new RowStaging(n);
        this.periods = new PeriodCheck(columns);
        this.currencyColumn = indexOf(columns, "BillingCurrency");
        this.signs = new char[n];
        this.signedTexts = new String[n];
    }

    private static int indexOf(List<FocusColumn> columns, String id) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).id().equals(id)) {
                return c;
            }
        }
        return -1;
    }

    public List<FocusColumn> columns() {
        return columns;
    }

    DictionaryColumn dictionary(int column) {
        return dictionaries[column];
    }

    public void beginRow(long rowNumber, long line) {
        this.rowNumber = rowNumber;
        this.line = line;
        row.clear();
        rowProblems.clear();
        rowBad = false;
        if (anySign) {
            java.util.Arrays.fill(signs, (char) 0);
            java.util.Arrays.fill(signedTexts, null);
            anySign = false;
        }
    }

    /** A cell as text (CSV): null tokens, then parsing by the column's type. */
    public void text(int c, char[] b, int off, int len) {
        if (len == 0 || isNullToken(b, off, len)) {
            return;
        }
        switch (types[c]) {
            case STRING, JSON -> dictionaryValue(c, rawId(c, b, off, len));
            case DECIMAL -> decimal(c, decimals.parse(b, off, len), b, off, len);
            case DATETIME -> timestamp(c, timestamps.parse(b, off, len), b, off, len);
            case EXTRA -> value(c, new String(b, off, len));
        }
    }

    private boolean isNullToken(char[] b, int off, int len) {
        if (len > 4) {
            return false;
        }
        for (String token : nullTokens) {
            if (token.length() == len && token.contentEquals(java.nio.CharBuffer.wrap(b, off, len))) {
                return true;
            }
        }
        return false;
    }

    private int rawId(int c, char[] b, int off, int len) {
        try {
            return dictionaries[c].rawId(b, off, len);
        } catch (StringDictionary.DictionaryFullException e) {
            throw new ImportAbortedException(Rule.TOO_MANY_DISTINCT, line, columns.get(c).id(),
                    "column " + columns.get(c).id() + " has " + e.getMessage()
                            + "; raise maxDistinctValues if this is expected");
        }
    }

    /** Interns a value into a dimension's dictionary and returns its raw id, for {@link #dictionaryValue}. */
    public int intern(int c, String value) {
        char[] chars = value.toCharArray();
        return rawId(c, chars, 0, chars.length);
    }

    /** A dimension value by its raw dictionary id (from {@link #intern}). */
    public void dictionaryValue(int c, int rawId) {
        int id = dictionaries[c].canonicalId(rawId);
        if (id == DictionaryColumn.INVALID) {
            String value = dictionaries[c].dictionary().value(rawId);
            Rule rule = columns.get(c).hasAllowedValues() || columns.get(c).id().equals("BillingCurrency")
                    ? Rule.ALLOWED_VALUES : Rule.TYPE;
            if (problem(c, value, rule, Severity.ERROR, dictionaries[c].invalidReason(rawId)) != Severity.WARNING) {
                return;
            }
            // Kept by a per-import severity: stored exactly as found, never as null.
            id = rawId;
        }
        if (id != rawId) {
            problem(c, dictionaries[c].dictionary().value(rawId), Rule.VALUE_NORMALISED, Severity.WARNING,
                    "read as '" + dictionaries[c].dictionary().value(id) + "'");
        }
        row.ids[c] = id;
        row.nulls[c] = false;
    }

    /** A value of any type given as a Java object (Arrow and Parquet sources). */
    public void value(int c, String text) {
        if (text == null) {
            return;
        }
        if (types[c] == ColumnType.EXTRA) {
            row.texts[c] = text;
            row.nulls[c] = false;
            return;
        }
        char[] chars = text.toCharArray();
        text(c, chars, 0, chars.length);
    }

    public void decimal(int c, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            problem(c, Double.toString(v), Rule.TYPE, Severity.ERROR, "not a finite decimal");
            return;
        }
        store(c, v);
    }

    public void micros(int c, long v) {
        row.longs[c] = v;
        row.nulls[c] = false;
    }

    private void decimal(int c, ParseStatus status, char[] b, int off, int len) {
        if (status == ParseStatus.INVALID) {
            problem(c, new String(b, off, len), Rule.TYPE, Severity.ERROR, "not a decimal number");
            return;
        }
        if (status == ParseStatus.NORMALISED) {
            problem(c, new String(b, off, len), Rule.VALUE_NORMALISED, Severity.WARNING,
                    "read as " + decimals.value());
            if (decimals.currencySign() != 0) {
                signs[c] = decimals.currencySign();
                signedTexts[c] = new String(b, off, len);
                anySign = true;
            }
        }
        store(c, decimals.value());
    }

    private void store(int c, double v) {
        if (v < 0 && columns.get(c).nonNegative()) {
            problem(c, Double.toString(v), Rule.NON_NEGATIVE, deviationSeverity(c),
                    "FOCUS requires a non-negative value");
        }
        row.doubles[c] = v;
        row.nulls[c] = false;
    }

    private void timestamp(int c, ParseStatus status, char[] b, int off, int len) {
        if (status == ParseStatus.INVALID) {
            problem(c, new String(b, off, len), Rule.TYPE, Severity.ERROR,
                    "not a date/time (expected ISO 8601 UTC, e.g. 2024-09-01T00:00:00Z)");
            return;
        }
        if (status == ParseStatus.NORMALISED) {
            problem(c, new String(b, off, len), Rule.VALUE_NORMALISED, Severity.WARNING,
                    "read as ISO 8601 UTC " + Micros.toInstant(timestamps.micros()));
        }
        micros(c, timestamps.micros());
    }

    /** Reports rows read every {@link ImportProgress#EVERY_ROWS} rows. */
    void reportTo(ImportProgress p) {
        this.progress = p;
    }

    /**
     * How far through its input the source is, 0 to 1, for sources that know it up front (a Parquet file's row
     * count, an Arrow file's record batches); without it progress reports rows only.
     */
    public void trackFraction(DoubleSupplier fraction) {
        this.fraction = fraction;
    }

    private void reportRows() {
        progress.update(ImportProgress.Phase.READING, read, Math.min(1.0, fraction.getAsDouble()));
    }

    /**
     * Marks columns the current source does not have (a merge of versions with different columns): their nulls
     * are not a conformance problem, like a missing column in a lenient import. Null clears the marks.
     */
    public void setAbsentColumns(boolean[] absentColumns) {
        this.absent = absentColumns;
    }

    /** A problem with the whole row (e.g. its field count). */
    public void rowProblem(Rule rule, String message) {
        problem(-1, null, rule, Severity.ERROR, message);
    }

    private Severity problem(int c, String value, Rule rule, Severity severity, String message) {
        String column = c < 0 ? null : columns.get(c).id();
        ValidationIssue issue = new ValidationIssue(rowNumber, line, column, value, rule, severity, message);
        Severity effective = issues.report(issue);
        if (effective == Severity.ERROR) {
            rowBad = true;
            rowProblems.add(issue);
        }
        return effective;
    }

    /**
     * Finishes the row: null and period checks, then writes it or quarantines it.
     *
     * @param raw the row as found in the source, for the quarantine file
     */
    public void endRow(RawRow raw) throws IOException {
        read++;
        if (read % ImportProgress.EVERY_ROWS == 0) {
            reportRows();
        }
        for (int c = 0; c < types.length; c++) {
            FocusColumn col = columns.get(c);
            if (row.nulls[c] && !col.nullable() && col.isFocus() && !hasProblem(c) && (absent == null || !absent[c])) {
                problem(c, null, Rule.NULLABILITY, deviationSeverity(c), col.id() + " must not be null");
            }
        }
        periods.check(row, this::problem);
        if (anySign) {
            checkCurrencySigns();
        }
        if (!rowBad) {
            if (!(issues.mode() == ValidationMode.STRICT && issues.errorCount() > 0)) {
                writer.accept(row);
            }
            return;
        }
        if (issues.mode() == ValidationMode.LENIENT) {
            quarantined++;
            writer.quarantine(raw, line, rowProblems);
        }
    }

    /**
     * An amount written with a currency sign must be in the row's BillingCurrency: "¥1,200" in a USD row is not
     * 1,200 dollars, and reading it as such would put yen into dollar budgets. Without a BillingCurrency (a fragment
     * without the column, or a null there, which is reported on its own) there is nothing to contradict.
     */
    private void checkCurrencySigns() {
        if (currencyColumn < 0 || row.nulls[currencyColumn]) {
            return;
        }
        String currency = dictionaries[currencyColumn].dictionary().value(row.ids[currencyColumn]);
        for (int c = 0; c < signs.length; c++) {
            if (signs[c] != 0 && !CurrencySigns.fits(signs[c], currency)) {
                problem(c, signedTexts[c], Rule.CURRENCY_SIGN, Severity.ERROR, "the amount is written with "
                        + CurrencySigns.describe(signs[c]) + " but the row's BillingCurrency is "
                        + currency + "; write the amount without a sign or in the row's currency");
            }
        }
    }

    /**
     * Validates and writes a whole columnar batch: the same checks as row by row, run one column at a time, with
     * per-value checks on dictionaries done once per distinct value. Rows are numbered after those seen so far.
     */
    void append(ColumnBatch b) throws IOException {
        int n = b.rows;
        long firstRow = read + 1;
        java.util.Map<Integer, List<ValidationIssue>> bad = new java.util.TreeMap<>();
        for (int c = 0; c < types.length; c++) {
            FocusColumn col = columns.get(c);
            boolean[] nulls = b.nulls[c];
            if (types[c].dictionaryEncoded()) {
                int[] ids = b.ids[c];
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        continue;
                    }
                    int raw = ids[i];
                    int id = dictionaries[c].canonicalId(raw);
                    if (id == DictionaryColumn.INVALID || id != raw) {
                        rowNumber = firstRow + i;
                        line = 0;
                        rowProblems.clear();
                        rowBad = false;
                        dictionaryValue(c, raw);
                        if (rowBad) {
                            bad.computeIfAbsent(i, k -> new ArrayList<>()).addAll(rowProblems);
                            id = 0;
                        } else if (id == DictionaryColumn.INVALID) {
                            id = raw; // kept as found by a per-import severity
                        }
                    }
                    ids[i] = id;
                }
            } else if (types[c] == ColumnType.DECIMAL) {
                double[] v = b.doubles[c];
                for (int i = 0; i < n; i++) {
                    if (!nulls[i] && (Double.isNaN(v[i]) || Double.isInfinite(v[i]) || (v[i] < 0 && col.nonNegative()))) {
                        boolean finite = Double.isFinite(v[i]);
                        columnarProblem(bad, firstRow, i, c, Double.toString(v[i]),
                                finite ? Rule.NON_NEGATIVE : Rule.TYPE,
                                finite ? deviationSeverity(c) : Severity.ERROR,
                                finite ? "FOCUS requires a non-negative value" : "not a finite decimal");
                    }
                }
            }
            if (!col.nullable() && col.isFocus() && (absent == null || !absent[c])) {
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        columnarProblem(bad, firstRow, i, c, null, Rule.NULLABILITY, deviationSeverity(c),
                                col.id() + " must not be null");
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int row = i;
            periods.check(b, i, (c, value, rule, severity, message) ->
                    columnarProblem(bad, firstRow, row, c, value, rule, severity, message));
        }
        read += n;
        reportRows();
        boolean strictFailed = issues.mode() == ValidationMode.STRICT && issues.errorCount() > 0;
        if (bad.isEmpty()) {
            if (!strictFailed) {
                writer.accept(b, null);
            }
            return;
        }
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        for (var e : bad.entrySet()) {
            keep[e.getKey()] = false;
            if (issues.mode() == ValidationMode.LENIENT) {
                quarantined++;
                List<String> text = b.text.row(e.getKey());
                writer.quarantine(() -> text, 0, e.getValue());
            }
        }
        if (issues.mode() == ValidationMode.LENIENT) {
            writer.accept(b, keep);
        }
    }

    private void columnarProblem(java.util.Map<Integer, List<ValidationIssue>> bad, long firstRow, int i, int c,
                                 String value, Rule rule, Severity severity, String message) {
        ValidationIssue issue = new ValidationIssue(firstRow + i, 0, columns.get(c).id(), value, rule,
                severity, message);
        if (issues.report(issue) == Severity.ERROR) {
            bad.computeIfAbsent(i, k -> new ArrayList<>()).add(issue);
        }
    }

    /**
     * The default severity of a deviation the stored data can still represent exactly as found: a null in a
     * column FOCUS declares not-null (kept as null under a cleared Arrow validity bit, skipped by totals, never
     * read as 0) or a negative unit price (a credit). Lenient imports keep such rows and list the deviation in the
     * conformance report; strict imports reject them. A null time (a period start or end) cannot be placed on the
     * time axis, so it stays an error and its row is quarantined. Per-rule overrides still apply on top.
     */
    private Severity deviationSeverity(int c) {
        return issues.mode() == ValidationMode.LENIENT && types[c] != ColumnType.DATETIME
                ? Severity.WARNING : Severity.ERROR;
    }

    private boolean hasProblem(int c) {
        String id = columns.get(c).id();
        for (ValidationIssue i : rowProblems) {
            if (id.equals(i.column())) {
                return true;
            }
        }
        return false;
    }

    long read() {
        return read;
    }

    long quarantined() {
        return quarantined;
    }

    /** The source's own form of a row, written to the quarantine file only when the row is bad. */
    public interface RawRow {
        List<String> fields();
    }

    /** A problem reporter used by the row-level checks. */
    interface ProblemSink {
        void problem(int column, String value, Rule rule, Severity severity, String message);
    }
}
