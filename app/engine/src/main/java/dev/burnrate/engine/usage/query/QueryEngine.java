package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.store.UsageTable;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs {@link UsageQuery}s over an opened {@link UsageTable}, directly on its Arrow buffers. Batches are split
 * into a fixed number of contiguous chunks scanned in parallel; the partial sums are merged in chunk order, so
 * the result does not depend on how many threads ran. Thread-safe.
 */
public final class QueryEngine {

    private static final int CHUNKS = 8;

    private final TagIndexCache tags = new TagIndexCache();
    private final boolean parallel;

    /** A parallel engine (the common fork-join pool). */
    public QueryEngine() {
        this(true);
    }

    public QueryEngine(boolean parallel) {
        this.parallel = parallel;
    }

    /** The parsed tags of a table: the keys available for grouping and filtering. */
    public TagIndex tagIndex(UsageTable table) {
        return tags.get(table);
    }

    public QueryResult run(UsageTable table, UsageQuery query) {
        if (table.columnIndex("ChargePeriodStart") < 0) {
            throw new IllegalArgumentException("the table has no ChargePeriodStart column");
        }
        ScanPlan plan = new ScanPlan(table, query, tags);
        if (plan.empty) {
            return new ResultBuilder(plan, query).build(null, table.rowCount(), 0);
        }
        long totalKeys = plan.totalKeys();
        int batches = table.batchCount();
        int chunks = Math.max(1, Math.min(CHUNKS, batches));
        int maxRows = 0;
        for (int b = 0; b < batches; b++) {
            maxRows = Math.max(maxRows, table.rows(b));
        }
        int rows = maxRows;
        IntStream ids = IntStream.range(0, chunks);
        List<Partial> partials = (parallel ? ids.parallel() : ids).mapToObj(c -> {
            GroupAccumulator acc = new GroupAccumulator(totalKeys, query.metrics().size());
            BatchScanner scanner = new BatchScanner(plan, acc, rows);
            for (int b = c * batches / chunks; b < (c + 1) * batches / chunks; b++) {
                scanner.scan(b);
            }
            return new Partial(acc, scanner.scanned(), scanner.matched());
        }).toList();
        GroupAccumulator total = partials.getFirst().acc();
        long scanned = partials.getFirst().scanned();
        long matched = partials.getFirst().matched();
        for (Partial p : partials.subList(1, partials.size())) {
            total.merge(p.acc());
            scanned += p.scanned();
            matched += p.matched();
        }
        return new ResultBuilder(plan, query).build(total, scanned, matched);
    }

    /**
     * The rows of each batch that pass a query's filters and scope (its grouping is ignored), for transforms that
     * keep a subset of a version.
     */
    public RowMask mask(UsageTable table, UsageQuery query) {
        ScanPlan plan = new ScanPlan(table, query, tags);
        int maxRows = 0;
        for (int b = 0; b < table.batchCount(); b++) {
            maxRows = Math.max(maxRows, table.rows(b));
        }
        BatchScanner scanner = new BatchScanner(plan, new GroupAccumulator(1, 1), maxRows);
        return batch -> {
            boolean[] keep = new boolean[table.rows(batch)];
            if (plan.empty) {
                return keep;
            }
            int count = scanner.select(batch);
            int[] sel = scanner.selection();
            for (int j = 0; j < count; j++) {
                keep[sel[j]] = true;
            }
            return keep;
        };
    }

    /** Which rows of a batch a query keeps. Not thread-safe. */
    public interface RowMask {
        boolean[] rows(int batch);
    }

    private record Partial(GroupAccumulator acc, long scanned, long matched) {
    }
}
