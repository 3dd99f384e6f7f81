package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.currency.ExchangeRates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The run rate of imported spend, only where the period has enough history to extrapolate.
 *
 * <p>The rule: take the newest day of the period (before today) with imported spend; when at least
 * {@value #HISTORY_DAYS} days of the period lie up to and including it, imported spend is assumed to go on at the
 * average of its last {@value #HISTORY_DAYS} days, from the end of that day to the period's end. Billing exports
 * lag, so the days between the newest imported day and now are filled in at the same rate (the rate returned is
 * scaled so that, over the hours left from now, it adds exactly that amount). With less history (early in a period,
 * or nothing imported in it) imported spend is not extrapolated at all: a guess from two days of a month would be
 * worse than none.
 */
@Component
class ImportedRunRate implements SpendRunRate {

    static final int HISTORY_DAYS = 7;

    private final ImportedSpend imported;
    private final ExchangeRateRepository rates;

    ImportedRunRate(ImportedSpend imported, ExchangeRateRepository rates) {
        this.imported = imported;
        this.rates = rates;
    }

    @Override
    public double perHour(BudgetKey key, Instant now) {
        return perHour(key, now, imported.daily(key));
    }

    double perHour(BudgetKey key, Instant now, List<DaySpend> daily) {
        double hoursLeft = Math.max(0, Duration.between(now, key.end()).toMillis()) / 3_600_000.0;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = LocalDate.ofInstant(key.start(), ZoneOffset.UTC);
        Optional<LocalDate> newest = daily.stream().map(DaySpend::day).filter(today::isAfter).max(LocalDate::compareTo);
        if (hoursLeft == 0 || newest.isEmpty() || ChronoUnit.DAYS.between(first, newest.get()) + 1 < HISTORY_DAYS) {
            return 0;
        }
        LocalDate from = newest.get().minusDays(HISTORY_DAYS - 1);
        List<DaySpend> recent = daily.stream()
                .filter(d -> !d.day().isBefore(from) && !d.day().isAfter(newest.get())).toList();
        ExchangeRates table = recent.stream().allMatch(d -> key.currency().equals(d.currency()))
                ? ExchangeRates.none() : rates.table();
        double perHour = SpendBreakdown.of(key.currency(), recent, table).counted() / (HISTORY_DAYS * 24.0);
        Instant afterNewest = newest.get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        double hoursToExtrapolate = Math.max(0, Duration.between(afterNewest, key.end()).toMillis()) / 3_600_000.0;
        return perHour * hoursToExtrapolate / hoursLeft;
    }
}
