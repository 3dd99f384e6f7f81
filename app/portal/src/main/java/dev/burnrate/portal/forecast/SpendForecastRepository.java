package dev.burnrate.portal.forecast;

import static dev.burnrate.portal.db.Tables.SPEND_FORECASTS;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burnrate.engine.forecast.ModelRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Stored budget forecasts: the newest fit per dataset, scope and currency. */
@Repository
public class SpendForecastRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext dsl;

    public SpendForecastRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the dataset's forecast of a scope and currency with a newer fit. */
    public void replace(StoredSpendForecast f) {
        dsl.deleteFrom(SPEND_FORECASTS).where(SPEND_FORECASTS.DATASET.eq(f.dataset()),
                SPEND_FORECASTS.SCOPE.eq(f.scope()), SPEND_FORECASTS.CURRENCY.eq(f.currency())).execute();
        dsl.insertInto(SPEND_FORECASTS)
                .set(SPEND_FORECASTS.DATASET, f.dataset())
                .set(SPEND_FORECASTS.VERSION_KEY, f.versionKey())
                .set(SPEND_FORECASTS.SCOPE, f.scope())
                .set(SPEND_FORECASTS.CURRENCY, f.currency())
                .set(SPEND_FORECASTS.FORECAST_START, f.forecastStart().atOffset(ZoneOffset.UTC))
                .set(SPEND_FORECASTS.DAYS, f.p50().length)
                .set(SPEND_FORECASTS.DAILY_P10, write(f.p10()))
                .set(SPEND_FORECASTS.DAILY_P50, write(f.p50()))
                .set(SPEND_FORECASTS.DAILY_P90, write(f.p90()))
                .set(SPEND_FORECASTS.MODEL_FAMILY, f.model().family())
                .set(SPEND_FORECASTS.MODEL_COMPONENTS, write(f.model().components()))
                .set(SPEND_FORECASTS.VALIDATION_MASE, Double.isNaN(f.model().validationMase()) ? null
                        : f.model().validationMase())
                .set(SPEND_FORECASTS.VALIDATION_ORIGINS, f.model().validationOrigins())
                .set(SPEND_FORECASTS.REASON, clip(f.model().reason(), 1000))
                .set(SPEND_FORECASTS.FITTED_AT, f.model().fittedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Drops forecasts of datasets that no longer count (or exist), so no budget reads a stale one. */
    public int keepOnly(List<String> datasets) {
        return dsl.deleteFrom(SPEND_FORECASTS).where(datasets.isEmpty() ? org.jooq.impl.DSL.trueCondition()
                : SPEND_FORECASTS.DATASET.notIn(datasets)).execute();
    }

    /** Every stored forecast of a scope (one per dataset and currency). */
    public List<StoredSpendForecast> forScope(String scope) {
        return dsl.selectFrom(SPEND_FORECASTS).where(SPEND_FORECASTS.SCOPE.eq(scope)).fetch(this::read);
    }

    /** Every stored forecast, by dataset, scope and currency. */
    public List<StoredSpendForecast> all() {
        return dsl.selectFrom(SPEND_FORECASTS)
                .orderBy(SPEND_FORECASTS.DATASET, SPEND_FORECASTS.SCOPE, SPEND_FORECASTS.CURRENCY).fetch(this::read);
    }

    public Optional<StoredSpendForecast> find(String dataset, String scope, String currency) {
        return dsl.selectFrom(SPEND_FORECASTS).where(SPEND_FORECASTS.DATASET.eq(dataset),
                SPEND_FORECASTS.SCOPE.eq(scope), SPEND_FORECASTS.CURRENCY.eq(currency)).fetchOptional(this::read);
    }

    private StoredSpendForecast read(Record r) {
        Double mase = r.get(SPEND_FORECASTS.VALIDATION_MASE);
        ModelRecord model = new ModelRecord(r.get(SPEND_FORECASTS.MODEL_FAMILY),
                readList(r.get(SPEND_FORECASTS.MODEL_COMPONENTS)), r.get(SPEND_FORECASTS.FITTED_AT).toInstant(),
                mase == null ? Double.NaN : mase, r.get(SPEND_FORECASTS.VALIDATION_ORIGINS),
                r.get(SPEND_FORECASTS.REASON));
        Instant start = r.get(SPEND_FORECASTS.FORECAST_START).toInstant();
        return new StoredSpendForecast(r.get(SPEND_FORECASTS.DATASET), r.get(SPEND_FORECASTS.VERSION_KEY),
                r.get(SPEND_FORECASTS.SCOPE), r.get(SPEND_FORECASTS.CURRENCY), start,
                readArray(r.get(SPEND_FORECASTS.DAILY_P10)), readArray(r.get(SPEND_FORECASTS.DAILY_P50)),
                readArray(r.get(SPEND_FORECASTS.DAILY_P90)), model);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] readArray(String json) {
        try {
            return JSON.readValue(json, double[].class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored forecast is not readable", e);
        }
    }

    private static List<String> readList(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("A stored forecast's model is not readable", e);
        }
    }
}
