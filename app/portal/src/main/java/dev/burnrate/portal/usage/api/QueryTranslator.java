package dev.burnrate.portal.usage.api;

import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.schema.ColumnType;
import dev.burnrate.engine.usage.schema.FocusColumn;
import dev.burnrate.engine.usage.schema.FocusColumns;
import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.usage.UsageQueryService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a {@link QueryRequest} field by field (every bad name reported with its path) and turns it into the
 * engine's query. Cost metrics are always grouped by billing currency as well, so no answer adds currencies.
 */
final class QueryTranslator {

    static final int MAX_GROUPS = 4;
    private static final String TAG = "tag:";

    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    /** The engine query, or an {@link ApiProblem} (400) listing every bad field. */
    static Translated translate(QueryRequest q) {
        return new QueryTranslator().run(q);
    }

    /** The query with the group keys the caller asked for (the currency key, if added, comes last). */
    record Translated(UsageQuery query, List<String> groupBy, Metric metric, boolean perCurrency) {
    }

    private Translated run(QueryRequest q) {
        if (q.dataset() == null || q.dataset().isBlank()) {
            errors.add(new ApiProblem.FieldError("dataset", "the dataset to query is required"));
        }
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            errors.add(new ApiProblem.FieldError("to", "must be after from"));
        }
        UsageQuery.Builder b = UsageQuery.builder().between(q.from(), q.to());
        List<String> groupBy = q.groupBy() == null ? List.of() : q.groupBy();
        if (groupBy.size() > MAX_GROUPS) {
            errors.add(new ApiProblem.FieldError("groupBy", "at most " + MAX_GROUPS + " group keys"));
        }
        for (int i = 0; i < groupBy.size(); i++) {
            GroupKey key = key(groupBy.get(i), "groupBy[" + i + "]");
            if (key != null) {
                b.groupBy(key);
            }
        }
        if (q.filters() != null) {
            for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
                filter(b, f.getKey(), f.getValue());
            }
        }
        b.bucket(bucket(q.bucket()));
        Metric metric = metric(q.metric());
        boolean perCurrency = metric != Metric.CONSUMED_QUANTITY;
        if (perCurrency) {
            b.groupBy(GroupKey.dimension(UsageQueryService.BILLING_CURRENCY));
        }
        b.sum(metric);
        int top = q.top() == null ? 0 : q.top();
        if (top < 0) {
            errors.add(new ApiProblem.FieldError("top", "must be 0 (all groups) or more"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The query has " + errors.size() + " invalid field(s)", errors);
        }
        b.top(top, metric);
        return new Translated(b.build(), List.copyOf(groupBy), metric, perCurrency);
    }

    private void filter(UsageQuery.Builder b, String name, List<String> values) {
        String path = "filters." + name;
        if (values == null || values.isEmpty()) {
            errors.add(new ApiProblem.FieldError(path, "give at least one value"));
            return;
        }
        if (values.stream().anyMatch(v -> v == null)) {
            errors.add(new ApiProblem.FieldError(path, "values must not be null"));
            return;
        }
        GroupKey key = key(name, path);
        if (key == null) {
            return;
        }
        String[] allowed = values.toArray(String[]::new);
        if (key.tag()) {
            b.whereTag(key.name(), allowed);
        } else {
            b.where(key.name(), allowed);
        }
    }

    /** A FOCUS string dimension (exact id) or {@code tag:<key>}; null after recording why not. */
    private GroupKey key(String name, String path) {
        if (name == null || name.isBlank()) {
            errors.add(new ApiProblem.FieldError(path, "must name a dimension or tag:<key>"));
            return null;
        }
        if (name.startsWith(TAG)) {
            String tag = name.substring(TAG.length());
            if (tag.isBlank()) {
                errors.add(new ApiProblem.FieldError(path, "tag: needs a tag key, e.g. tag:team"));
                return null;
            }
            return GroupKey.tag(tag);
        }
        FocusColumn column = FocusColumns.byId(name).orElse(null);
        if (column == null || column.type() != ColumnType.STRING) {
            String hint = FocusColumns.byIdIgnoreCase(name).filter(c -> c.type() == ColumnType.STRING)
                    .map(c -> " (did you mean " + c.id() + "?)").orElse("");
            errors.add(new ApiProblem.FieldError(path, "'" + name + "' is not a FOCUS dimension" + hint
                    + "; use a FOCUS string column such as ServiceName, ProviderName, RegionId, SubAccountName, or"
                    + " tag:<key>"));
            return null;
        }
        return GroupKey.dimension(column.id());
    }

    private TimeBucket bucket(String text) {
        if (text == null) {
            return TimeBucket.NONE;
        }
        try {
            return TimeBucket.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError("bucket", "'" + text + "' is not a bucket; use one of "
                    + Arrays.toString(TimeBucket.values())));
            return TimeBucket.NONE;
        }
    }

    private Metric metric(String text) {
        if (text == null) {
            return Metric.EFFECTIVE_COST;
        }
        for (Metric m : Metric.values()) {
            if (m.column().equalsIgnoreCase(text.strip()) || m.name().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        errors.add(new ApiProblem.FieldError("metric", "'" + text + "' is not a metric; use one of "
                + Arrays.stream(Metric.values()).map(Metric::column).collect(Collectors.joining(", "))));
        return Metric.EFFECTIVE_COST;
    }
}
