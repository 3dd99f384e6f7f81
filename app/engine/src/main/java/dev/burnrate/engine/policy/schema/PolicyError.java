package dev.burnrate.engine.policy.schema;

/**
 * One reason a policy was refused, with where it is in the YAML.
 *
 * @param line    1-based line
 * @param column  1-based column
 * @param path    the field's path, e.g. {@code rules[1].thresholds[0].action}; empty for the document itself
 * @param message what is wrong and what would be accepted
 */
public record PolicyError(int line, int column, String path, String message) {

    @Override
    public String toString() {
        String where = "line " + line + ", column " + column;
        return path == null || path.isEmpty() ? where + ": " + message : where + " (" + path + "): " + message;
    }
}
