package dev.burnrate.portal.currency;

import static dev.burnrate.portal.db.Tables.EXCHANGE_RATES;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL for the exchange-rate table: one rate per currency pair and day. */
@Repository
public class ExchangeRateRepository {

    private final DSLContext dsl;

    public ExchangeRateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ExchangeRate> all() {
        return dsl.selectFrom(EXCHANGE_RATES)
                .orderBy(EXCHANGE_RATES.FROM_CURRENCY, EXCHANGE_RATES.TO_CURRENCY, EXCHANGE_RATES.RATE_DATE)
                .fetch(r -> new ExchangeRate(r.getFromCurrency(), r.getToCurrency(), r.getRateDate(),
                        r.getRate().doubleValue()));
    }

    /** The whole table, for converting (a few rows per pair and month). */
    public ExchangeRates table() {
        return new ExchangeRates(all());
    }

    public Optional<ExchangeRate> find(String from, String to, LocalDate date) {
        return dsl.selectFrom(EXCHANGE_RATES).where(pairOn(from, to, date))
                .fetchOptional(r -> new ExchangeRate(r.getFromCurrency(), r.getToCurrency(), r.getRateDate(),
                        r.getRate().doubleValue()));
    }

    /** Inserts the pair's rate of that day or replaces it. */
    public void put(ExchangeRate rate, String actor, Instant now) {
        int updated = dsl.update(EXCHANGE_RATES).set(EXCHANGE_RATES.RATE, BigDecimal.valueOf(rate.rate()))
                .set(EXCHANGE_RATES.CREATED_BY, actor).set(EXCHANGE_RATES.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(pairOn(rate.from(), rate.to(), rate.date())).execute();
        if (updated == 0) {
            dsl.insertInto(EXCHANGE_RATES)
                    .set(EXCHANGE_RATES.FROM_CURRENCY, rate.from())
                    .set(EXCHANGE_RATES.TO_CURRENCY, rate.to())
                    .set(EXCHANGE_RATES.RATE_DATE, rate.date())
                    .set(EXCHANGE_RATES.RATE, BigDecimal.valueOf(rate.rate()))
                    .set(EXCHANGE_RATES.CREATED_BY, actor)
                    .set(EXCHANGE_RATES.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    public boolean delete(String from, String to, LocalDate date) {
        return dsl.deleteFrom(EXCHANGE_RATES).where(pairOn(from, to, date)).execute() > 0;
    }

    private static Condition pairOn(String from, String to, LocalDate date) {
        return EXCHANGE_RATES.FROM_CURRENCY.eq(from).and(EXCHANGE_RATES.TO_CURRENCY.eq(to))
                .and(EXCHANGE_RATES.RATE_DATE.eq(date));
    }
}
