package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.ColumnType;
import dev.hardwood.InputFile;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;
import dev.hardwood.schema.ColumnSchema;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a flat Parquet file with FOCUS column names through Hardwood ({@code dev.hardwood:hardwood-core}), a
 * Parquet reader with no Hadoop and no required dependencies (Apache-2.0). Chosen over parquet-java, which needs
 * Hadoop's file system classes, and over Arrow's {@code arrow-dataset}, whose JNI build exists only for Arrow
 * 18 and weighs 78 MB. Snappy and ZSTD pages are supported (snappy-java and zstd-jni on the class path).
 */
public final class ParquetSource implements FocusSource {

    private final Path file;

    public ParquetSource(Path file) {
        this.file = file;
    }

    @Override
    public String format() {
        return "parquet";
    }

    @Override
    public void readInto(ImportSession session) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(InputFile.of(file))) {
            List<ColumnSchema> schema = reader.getFileSchema().getColumns();
            List<String> header = schema.stream().map(ColumnSchema::name).toList();
            ColumnLayout layout = session.layoutFor(header);
            if (layout == null) {
                return;
            }
            RowAssembler assembler = session.open(layout, header);
            long total = reader.getFileMetaData().numRows();
            assembler.trackFraction(() -> total > 0 ? assembler.read() / (double) total : -1);
            int n = header.size();
            ColumnType[] types = new ColumnType[n];
            for (int i = 0; i < n; i++) {
                types[i] = layout.columns().get(layout.targetOf(i)).type();
            }
            long rowNumber = 0;
            try (RowReader rows = reader.rowReader()) {
                while (rows.hasNext()) {
                    rows.next();
                    assembler.beginRow(++rowNumber, 0);
                    List<String> raw = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Object value = rows.isNull(i) ? null : rows.getValue(i);
                        raw.add(value == null ? "" : value.toString());
                        feed(assembler, layout.targetOf(i), types[i], value);
                    }
                    assembler.endRow(() -> raw);
                }
            }
        }
    }

    private static void feed(RowAssembler assembler, int target, ColumnType type, Object value) {
        switch (value) {
            case null -> { }
            case Double d when type == ColumnType.DECIMAL -> assembler.decimal(target, d);
            case Float f when type == ColumnType.DECIMAL -> assembler.decimal(target, f);
            case BigDecimal d when type == ColumnType.DECIMAL -> assembler.decimal(target, d.doubleValue());
            case Long l when type == ColumnType.DECIMAL -> assembler.decimal(target, l);
            case Integer i when type == ColumnType.DECIMAL -> assembler.decimal(target, i);
            case Instant t when type == ColumnType.DATETIME -> assembler.micros(target, Micros.of(t));
            case LocalDateTime t when type == ColumnType.DATETIME ->
                    assembler.micros(target, Micros.of(t.toInstant(ZoneOffset.UTC)));
            case LocalDate d when type == ColumnType.DATETIME ->
                    assembler.micros(target, d.toEpochDay() * TimestampParser.MICROS_PER_DAY);
            case byte[] b -> assembler.value(target, new String(b, java.nio.charset.StandardCharsets.UTF_8));
            default -> assembler.value(target, value.toString());
        }
    }
}
