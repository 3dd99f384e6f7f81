package dev.burnrate.engine.usage.schema;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Arrow schema of a stored dataset version, derived from its columns (in memory format: dictionary-encoded
 * columns appear as int32 index vectors carrying their {@link DictionaryEncoding}; the IPC writer turns them into
 * UTF-8 fields with a dictionary on disk). Each field carries {@code focus.type} metadata so the columns can be
 * recovered from any stored file.
 */
public final class StoredSchema {

    public static final String TYPE_KEY = "focus.type";
    public static final String LEVEL_KEY = "focus.level";
    public static final String FORMAT_KEY = "burnrate.format";
    public static final String FORMAT = "focus-1.2-arrow-v1";
    public static final ArrowType.Int INDEX_TYPE = new ArrowType.Int(32, true);
    public static final ArrowType.Timestamp TIMESTAMP_TYPE = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");

    private StoredSchema() {
    }

    public static Schema of(List<FocusColumn> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            fields.add(field(columns.get(i), i));
        }
        return new Schema(fields, Map.of(FORMAT_KEY, FORMAT));
    }

    /** The dictionary id of the column at {@code position}: its position, so ids are stable and unique. */
    public static long dictionaryId(int position) {
        return position;
    }

    private static Field field(FocusColumn c, int position) {
        Map<String, String> meta = Map.of(TYPE_KEY, c.type().name(), LEVEL_KEY, c.level().name());
        FieldType type = switch (c.type()) {
            case STRING, JSON -> new FieldType(true, INDEX_TYPE,
                    new DictionaryEncoding(dictionaryId(position), false, INDEX_TYPE), meta);
            case DECIMAL -> new FieldType(true, new ArrowType.FloatingPoint(
                    org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE), null, meta);
            case DATETIME -> new FieldType(true, TIMESTAMP_TYPE, null, meta);
            case EXTRA -> new FieldType(true, ArrowType.Utf8.INSTANCE, null, meta);
        };
        return new Field(c.id(), type, null);
    }

    /** The columns of a stored schema (memory or message format). */
    public static List<FocusColumn> columnsOf(Schema schema) {
        List<FocusColumn> out = new ArrayList<>();
        for (Field f : schema.getFields()) {
            String type = f.getMetadata().get(TYPE_KEY);
            if (type == null) {
                throw new IllegalArgumentException("field " + f.getName() + " has no " + TYPE_KEY + " metadata");
            }
            ColumnType t = ColumnType.valueOf(type);
            out.add(t == ColumnType.EXTRA ? FocusColumn.extension(f.getName())
                    : FocusColumns.byId(f.getName()).orElseThrow(
                            () -> new IllegalArgumentException("unknown FOCUS column " + f.getName())));
        }
        return out;
    }

    public static boolean isStored(Schema schema) {
        return FORMAT.equals(schema.getCustomMetadata().get(FORMAT_KEY));
    }
}
