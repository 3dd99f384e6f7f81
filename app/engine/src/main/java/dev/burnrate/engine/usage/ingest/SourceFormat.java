package dev.burnrate.engine.usage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The input formats an import accepts. */
public enum SourceFormat {
    CSV("csv"), ARROW_FILE("arrow-file"), ARROW_STREAM("arrow-stream"), PARQUET("parquet");

    private final String id;

    SourceFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Guesses the format from the first bytes (Arrow file and Parquet have magic numbers), then the name. */
    public static SourceFormat detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 6 && Arrays.equals(head, 0, 6, "ARROW1".getBytes(StandardCharsets.US_ASCII), 0, 6)) {
            return ARROW_FILE;
        }
        if (n >= 4 && Arrays.equals(head, 0, 4, "PAR1".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
            return PARQUET;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".arrows") || name.endsWith(".stream")) {
            return ARROW_STREAM;
        }
        if (n >= 4 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xff && (head[2] & 0xff) == 0xff
                && (head[3] & 0xff) == 0xff) {
            return ARROW_STREAM;
        }
        return CSV;
    }
}
