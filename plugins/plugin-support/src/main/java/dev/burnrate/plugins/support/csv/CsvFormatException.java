package dev.burnrate.plugins.support.csv;

/** A CSV file that cannot be read as expected; the message names the file, line and column. */
public class CsvFormatException extends RuntimeException {
    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
