package dev.burnrate.engine.policy.schema;

/** The YAML shape a field must have. */
public enum FieldType {
    /** Any scalar, read as text. */
    STRING("text"),
    /** A decimal number. */
    NUMBER("number"),
    /** A whole number. */
    INTEGER("whole number"),
    /** true or false. */
    BOOLEAN("true or false"),
    /** A list of scalars. */
    STRING_LIST("list of text values"),
    /** A mapping validated against a nested schema. */
    OBJECT("mapping"),
    /** A list of mappings, each validated against a nested schema. */
    OBJECT_LIST("list of mappings"),
    /** A list whose items the owner validates itself. */
    LIST("list"),
    /** Anything; the owner validates it itself. */
    ANY("value");

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
