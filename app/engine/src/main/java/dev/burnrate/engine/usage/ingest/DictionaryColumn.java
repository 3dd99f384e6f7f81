package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.json.UsageJson;
import dev.burnrate.engine.usage.schema.ColumnType;
import dev.burnrate.engine.usage.schema.FocusColumn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The dictionary of one dimension plus the value checks that depend only on the value (allowed values, JSON
 * syntax, currency code shape). Each check runs once per distinct value and is cached by id, so a row costs a
 * hash lookup and an array read however many checks the column has.
 */
final class DictionaryColumn {

    /** Cached verdict: the value's id is its own canonical id. */
    private static final int UNCHECKED = -2;
    static final int INVALID = -1;

    private final FocusColumn column;
    private final StringDictionary dictionary;
    private final Map<String, String> allowedByLowerCase;
    private int[] canonical = new int[64];
    private String[] invalidReason = new String[64];

    DictionaryColumn(FocusColumn column, int maxDistinct) {
        this.column = column;
        this.dictionary = new StringDictionary(maxDistinct);
        this.allowedByLowerCase = column.allowedByLowerCase();
        Arrays.fill(canonical, UNCHECKED);
    }

    StringDictionary dictionary() {
        return dictionary;
    }

    /** The id of the raw value as found (before normalisation). */
    int rawId(char[] b, int off, int len) {
        return dictionary.idOf(b, off, len);
    }

    int rawId(String s) {
        return dictionary.idOf(s);
    }

    /** The id to store for a raw id: itself, the id of its canonical spelling, or {@link #INVALID}. */
    int canonicalId(int rawId) {
        if (rawId >= canonical.length) {
            int old = canonical.length;
            int n = Math.max(old * 2, rawId + 1);
            canonical = Arrays.copyOf(canonical, n);
            invalidReason = Arrays.copyOf(invalidReason, n);
            Arrays.fill(canonical, old, n, UNCHECKED);
        }
        int c = canonical[rawId];
        if (c == UNCHECKED) {
            c = check(rawId);
            canonical[rawId] = c;
        }
        return c;
    }

    String invalidReason(int rawId) {
        return invalidReason[rawId];
    }

    private int check(int rawId) {
        String value = dictionary.value(rawId);
        if (column.hasAllowedValues()) {
            String canon = allowedByLowerCase.get(value.strip().toLowerCase(Locale.ROOT));
            if (canon == null) {
                invalidReason[rawId] = "allowed values are " + String.join(", ", column.allowedValues());
                return INVALID;
            }
            return canon.equals(value) ? rawId : dictionary.idOf(canon);
        }
        if (column.type() == ColumnType.JSON) {
            try {
                UsageJson.parseObject(value);
            } catch (IllegalArgumentException e) {
                invalidReason[rawId] = "not a JSON object: " + e.getMessage();
                return INVALID;
            }
        }
        if (column.id().equals("BillingCurrency")) {
            if (!value.matches("[A-Za-z]{3}")) {
                invalidReason[rawId] = "not an ISO 4217 currency code";
                return INVALID;
            }
            String upper = value.toUpperCase(Locale.ROOT);
            return upper.equals(value) ? rawId : dictionary.idOf(upper);
        }
        return rawId;
    }
}
