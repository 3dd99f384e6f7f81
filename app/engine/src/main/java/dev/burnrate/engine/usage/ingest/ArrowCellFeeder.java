package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.ColumnType;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.nio.charset.StandardCharsets;

/**
 * Moves one Arrow column's cells into a {@link RowAssembler} column, choosing the cheapest path for the pair of
 * Arrow type and stored type: dictionary indices are remapped once per dictionary entry, floats and timestamps
 * are passed as primitives, anything else goes through its text form.
 */
abstract class ArrowCellFeeder {

    final int target;

    ArrowCellFeeder(int target) {
        this.target = target;
    }

    abstract void feed(int row, RowAssembler into);

    /** The cell as text, for the quarantine file. */
    abstract String text(int row);

    static ArrowCellFeeder of(FieldVector v, Dictionary dictionary, int target, ColumnType type,
                              RowAssembler assembler) {
        if (dictionary != null && v instanceof BaseIntVector indices) {
            return new DictionaryFeeder(v, indices, dictionary.getVector(), target, type, assembler);
        }
        if (v instanceof FloatingPointVector f && type == ColumnType.DECIMAL) {
            return new Generic(v, target) {
                @Override
                void feed(int row, RowAssembler into) {
                    if (!v.isNull(row)) {
                        into.decimal(target, f.getValueAsDouble(row));
                    }
                }
            };
        }
        if (v instanceof TimeStampVector ts && type == ColumnType.DATETIME) {
            long factor = microsPer(((ArrowType.Timestamp) v.getField().getType()).getUnit());
            return new Generic(v, target) {
                @Override
                void feed(int row, RowAssembler into) {
                    if (!v.isNull(row)) {
                        long raw = ts.get(row);
                        into.micros(target, factor > 0 ? raw * factor : raw / -factor);
                    }
                }
            };
        }
        if (v instanceof DateDayVector d && type == ColumnType.DATETIME) {
            return new Generic(v, target) {
                @Override
                void feed(int row, RowAssembler into) {
                    if (!v.isNull(row)) {
                        into.micros(target, d.get(row) * TimestampParser.MICROS_PER_DAY);
                    }
                }
            };
        }
        if (v instanceof DateMilliVector d && type == ColumnType.DATETIME) {
            return new Generic(v, target) {
                @Override
                void feed(int row, RowAssembler into) {
                    if (!v.isNull(row)) {
                        into.micros(target, d.get(row) * 1000L);
                    }
                }
            };
        }
        if (v instanceof DecimalVector d && type == ColumnType.DECIMAL) {
            return new Generic(v, target) {
                @Override
                void feed(int row, RowAssembler into) {
                    if (!v.isNull(row)) {
                        into.decimal(target, d.getObject(row).doubleValue());
                    }
                }
            };
        }
        return new Generic(v, target);
    }

    /** Positive: multiply raw values by it; negative: divide by its absolute value. */
    private static long microsPer(TimeUnit unit) {
        return switch (unit) {
            case SECOND -> 1_000_000L;
            case MILLISECOND -> 1_000L;
            case MICROSECOND -> 1L;
            case NANOSECOND -> -1_000L;
        };
    }

    /** Any type, through its text form. */
    private static class Generic extends ArrowCellFeeder {
        final FieldVector v;

        Generic(FieldVector v, int target) {
            super(target);
            this.v = v;
        }

        @Override
        void feed(int row, RowAssembler into) {
            if (!v.isNull(row)) {
                into.value(target, text(row));
            }
        }

        @Override
        String text(int row) {
            if (v.isNull(row)) {
                return "";
            }
            if (v instanceof VarCharVector s) {
                return new String(s.get(row), StandardCharsets.UTF_8);
            }
            Object o = v.getObject(row);
            return o == null ? "" : o.toString();
        }
    }

    /** Dictionary indices: each source entry is interned into the target dictionary once per batch. */
    private static final class DictionaryFeeder extends ArrowCellFeeder {
        private final FieldVector v;
        private final BaseIntVector indices;
        private final String[] values;
        private final int[] rawIds;

        DictionaryFeeder(FieldVector v, BaseIntVector indices, FieldVector dictionary, int target, ColumnType type,
                         RowAssembler assembler) {
            super(target);
            this.v = v;
            this.indices = indices;
            this.values = new String[dictionary.getValueCount()];
            for (int i = 0; i < values.length; i++) {
                Object o = dictionary.getObject(i);
                values[i] = o == null ? "" : o.toString();
            }
            DictionaryColumn dc = type.dictionaryEncoded() ? assembler.dictionary(target) : null;
            this.rawIds = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                rawIds[i] = dc == null ? -1 : dc.rawId(values[i]);
            }
        }

        @Override
        void feed(int row, RowAssembler into) {
            if (v.isNull(row)) {
                return;
            }
            int index = (int) indices.getValueAsLong(row);
            if (rawIds[index] >= 0) {
                into.dictionaryValue(target, rawIds[index]);
            } else {
                into.value(target, values[index]);
            }
        }

        @Override
        String text(int row) {
            return v.isNull(row) ? "" : values[(int) indices.getValueAsLong(row)];
        }
    }
}
