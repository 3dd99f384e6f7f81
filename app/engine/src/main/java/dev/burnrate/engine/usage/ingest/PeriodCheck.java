package dev.burnrate.engine.usage.ingest;

import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;

import java.util.List;

/** FOCUS: a charge period's and a billing period's start must be before its (exclusive) end. */
final class PeriodCheck {

    private final int chargeStart;
    private final int chargeEnd;
    private final int billingStart;
    private final int billingEnd;

    PeriodCheck(List<FocusColumn> columns) {
        chargeStart = index(columns, "ChargePeriodStart");
        chargeEnd = index(columns, "ChargePeriodEnd");
        billingStart = index(columns, "BillingPeriodStart");
        billingEnd = index(columns, "BillingPeriodEnd");
    }

    private static int index(List<FocusColumn> columns, String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    void check(RowStaging row, RowAssembler.ProblemSink sink) {
        check(row, chargeStart, chargeEnd, "ChargePeriodStart", sink);
        check(row, billingStart, billingEnd, "BillingPeriodStart", sink);
    }

    /** The same checks for row {@code i} of a columnar batch. */
    void check(ColumnBatch b, int i, RowAssembler.ProblemSink sink) {
        check(b, i, chargeStart, chargeEnd, "ChargePeriodStart", sink);
        check(b, i, billingStart, billingEnd, "BillingPeriodStart", sink);
    }

    private static void check(ColumnBatch b, int i, int start, int end, String name, RowAssembler.ProblemSink sink) {
        if (start < 0 || end < 0 || b.nulls[start][i] || b.nulls[end][i]) {
            return;
        }
        if (b.longs[start][i] >= b.longs[end][i]) {
            sink.problem(start, micros(b.longs[start][i]) + " .. " + micros(b.longs[end][i]), Rule.PERIOD_ORDER,
                    Severity.ERROR, name + " must be before the period's end");
        }
    }

    private static void check(RowStaging row, int start, int end, String name, RowAssembler.ProblemSink sink) {
        if (start < 0 || end < 0 || row.nulls[start] || row.nulls[end]) {
            return;
        }
        if (row.longs[start] >= row.longs[end]) {
            sink.problem(start, micros(row.longs[start]) + " .. " + micros(row.longs[end]), Rule.PERIOD_ORDER,
                    Severity.ERROR, name + " must be before the period's end");
        }
    }

    private static String micros(long v) {
        return Micros.toInstant(v).toString();
    }
}
