package dev.burnrate.engine.usage.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of a FOCUS dataset as Burnrate validates and stores it.
 *
 * @param id            the FOCUS column id (or the name found in the file for an extension column)
 * @param type          how it is held in Arrow
 * @param level         FOCUS feature level
 * @param nullable      whether FOCUS allows nulls in it
 * @param allowedValues the FOCUS allowed values in canonical spelling, empty when any value is allowed
 * @param nonNegative   whether FOCUS requires a non-negative value when not null
 */
public record FocusColumn(String id, ColumnType type, FeatureLevel level, boolean nullable,
                          List<String> allowedValues, boolean nonNegative) {

    public FocusColumn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        allowedValues = List.copyOf(allowedValues);
    }

    /** An extension column found in a file: kept as plain text, nullable, never validated. */
    public static FocusColumn extension(String name) {
        return new FocusColumn(name, ColumnType.EXTRA, FeatureLevel.EXTENSION, true, List.of(), false);
    }

    public boolean isFocus() {
        return level != FeatureLevel.EXTENSION;
    }

    public boolean hasAllowedValues() {
        return !allowedValues.isEmpty();
    }

    /** Allowed values keyed by their lower-case form, so case variants ({@code Usage-based}) can be normalised. */
    public Map<String, String> allowedByLowerCase() {
        return allowedValues.stream().collect(Collectors.toUnmodifiableMap(
                v -> v.toLowerCase(Locale.ROOT), Function.identity()));
    }
}
