package dev.burnrate.engine.usage.validation;

/** The conformance rules an import checks, each with a short id used in reports and the quarantine file. */
public enum Rule {
    EMPTY_FILE("empty-file", "the file has no header line"),
    ENCODING("encoding", "the file must be UTF-8"),
    LINE_TOO_LONG("line-length", "a line is longer than the configured limit"),
    TOO_MANY_COLUMNS("column-limit", "a line has more columns than the configured limit"),
    CSV_SYNTAX("csv-syntax", "the file is not well-formed CSV"),
    UNREADABLE("unreadable", "the source could not be read in its format"),
    TRUNCATED("truncated", "the file ends in the middle of a row"),
    DUPLICATE_COLUMN("duplicate-column", "a column appears twice in the header"),
    MISSING_COLUMN("mandatory-column", "a mandatory FOCUS column is missing"),
    TOO_MANY_DISTINCT("dictionary-limit", "a dimension has more distinct values than the configured limit"),
    FIELD_COUNT("field-count", "a row has a different number of fields than the header"),
    TYPE("type", "the value does not have the column's FOCUS data type"),
    NULLABILITY("not-null", "the column does not allow nulls"),
    ALLOWED_VALUES("allowed-values", "the value is not one of the column's allowed values"),
    NON_NEGATIVE("non-negative", "the value must not be negative"),
    PERIOD_ORDER("period-order", "a period's start must be before its end"),
    VALUE_NORMALISED("normalised", "a value was accepted in a non-canonical form and normalised"),
    CURRENCY_SIGN("currency-sign", "an amount's currency sign contradicts the row's BillingCurrency"),
    COLUMN_NAME("column-name", "a column name differs from FOCUS in case or lacks the x_ prefix of extensions");

    private final String id;
    private final String description;

    Rule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
