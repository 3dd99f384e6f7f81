package dev.burnrate.engine.usage.schema;

/**
 * How a column is held in Arrow.
 *
 * <ul>
 *   <li>{@link #STRING}: FOCUS String dimensions, dictionary-encoded UTF-8 with int32 indices. Dimensions repeat
 *       a lot (a few providers, services, regions), so a dictionary makes them 4 bytes a row and lets the query
 *       engine filter and group on integer indices instead of strings.</li>
 *   <li>{@link #DECIMAL}: FOCUS Decimal metrics, held as float64 (see {@link FocusColumns} for why).</li>
 *   <li>{@link #DATETIME}: timestamps in microseconds since the epoch, zone UTC.</li>
 *   <li>{@link #JSON}: JSON object text (Tags, SkuPriceDetails), dictionary-encoded like a dimension; the parsed
 *       form is built per distinct value (see {@code query.TagIndex}).</li>
 *   <li>{@link #EXTRA}: a column that is not part of FOCUS (e.g. {@code x_*} or the sample's {@code Id}), kept
 *       verbatim as plain UTF-8. Not dictionary-encoded because such columns are often unique per row, and a
 *       dictionary would then grow with the file instead of staying bounded.</li>
 * </ul>
 */
public enum ColumnType {
    STRING, DECIMAL, DATETIME, JSON, EXTRA;

    /** True for the types stored as dictionary indices. */
    public boolean dictionaryEncoded() {
        return this == STRING || this == JSON;
    }
}
