package dev.burnrate.portal.simulation;

import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TimeBucket;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.usage.DatasetSummary;
import dev.burnrate.portal.usage.UsageDatasetService;
import dev.burnrate.portal.usage.UsageQueryService;
import dev.burnrate.portal.usage.VersionSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Inference load curves from usage data (see {@link UsageLoad}), and the choices the form offers for them. Reads
 * through the usage services, so a user's curve covers only their teams' rows, as the explorer does.
 */
@Service
@RolesAllowed({Role.Names.ENGINEER, Role.Names.ADMIN, Role.Names.FINANCE, Role.Names.APPROVER})
public class UsageLoadCurves {

    /** The longest curve the inference simulator takes: three years of hours. */
    static final int MAX_DAYS = 3 * 366;

    private final UsageDatasetService datasets;
    private final UsageQueryService queries;

    public UsageLoadCurves(UsageDatasetService datasets, UsageQueryService queries) {
        this.datasets = datasets;
        this.queries = queries;
    }

    /** Datasets that have a version to read. */
    public List<String> datasets() {
        return datasets.datasets().stream().filter(d -> d.latestVersion() != null).map(DatasetSummary::name).toList();
    }

    /** The newest version of a dataset (its period gives the form's default days). */
    public VersionSummary latest(String dataset) {
        return datasets.latest(dataset).orElseThrow(() -> new IllegalArgumentException(
                "Dataset '" + dataset + "' does not exist or has no version."));
    }

    /** The ConsumedUnit values of the dataset's newest version that the user's teams have rows in. */
    public List<String> consumedUnits(String dataset) {
        return queries.values(latest(dataset).key(), "ConsumedUnit");
    }

    /** The values of one of {@link UsageLoad#FILTER_COLUMNS} in the dataset's newest version. */
    public List<String> filterValues(String dataset, String column) {
        requireFilterColumn(column);
        return queries.values(latest(dataset).key(), column);
    }

    /**
     * The load curve in requests per second, one value per hour of the days asked for; an hour without rows is an
     * hour without load.
     *
     * @param peakRps the busiest hour's requests/s when the load gives no requests per unit (shape only)
     * @throws IllegalArgumentException saying which field is wrong, or that no rows match
     */
    public double[] requestsPerSecond(UsageLoad load, double peakRps) {
        if (load.dataset() == null || load.dataset().isBlank()) {
            throw new IllegalArgumentException("Usage load: choose a dataset.");
        }
        if (load.consumedUnit() == null || load.consumedUnit().isBlank()) {
            throw new IllegalArgumentException("Usage load: choose the consumed unit to read.");
        }
        LocalDate from = date("first day", load.fromDate());
        LocalDate to = date("last day", load.toDate());
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Usage load: the last day " + to + " is before the first day " + from + ".");
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("Usage load: " + days + " days is more than the " + MAX_DAYS
                    + " days a simulation covers.");
        }
        Double perUnit = load.requestsPerUnit();
        if (perUnit != null && !(perUnit > 0 && !perUnit.isInfinite())) {
            throw new IllegalArgumentException("Usage load: requests per unit must be a positive number: " + perUnit);
        }
        if (perUnit == null && !(peakRps > 0 && !Double.isInfinite(peakRps))) {
            throw new IllegalArgumentException("Usage load: a curve scaled to its peak needs peak requests/s above 0.");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        UsageQuery.Builder query = UsageQuery.builder().between(start, end).where("ConsumedUnit", load.consumedUnit())
                .bucket(TimeBucket.HOUR).sum(Metric.CONSUMED_QUANTITY);
        if (load.filtered()) {
            requireFilterColumn(load.filterColumn());
            query.where(load.filterColumn(), load.filterValue());
        }
        QueryResult result = queries.explore(latest(load.dataset()).key(), query.build());
        double[] quantity = new double[(int) days * 24];
        for (QueryResult.Row row : result.rows()) {
            long hour = (row.bucket().getEpochSecond() - start.getEpochSecond()) / 3600;
            if (hour >= 0 && hour < quantity.length) {
                quantity[(int) hour] += row.value(0);
            }
        }
        double busiest = 0;
        for (double q : quantity) {
            busiest = Math.max(busiest, q);
        }
        if (!(busiest > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Usage load: dataset '%s' has no %s quantity%s from %s to %s%s.", load.dataset(),
                    load.consumedUnit(), load.filtered() ? " where " + load.filterColumn() + " is " + load.filterValue()
                            : "", from, to, result.rowsMatched() > 0 ? " above 0" : " in rows you may see"));
        }
        double factor = perUnit != null ? perUnit / 3600 : peakRps / busiest;
        double[] rps = new double[quantity.length];
        for (int h = 0; h < quantity.length; h++) {
            rps[h] = quantity[h] * factor;
        }
        return rps;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Usage load: the " + field + " '" + value
                    + "' is not a date (yyyy-mm-dd).");
        }
    }

    private static void requireFilterColumn(String column) {
        if (!UsageLoad.FILTER_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("Usage load: " + column + " is not one of " + UsageLoad.FILTER_COLUMNS + ".");
        }
    }
}
