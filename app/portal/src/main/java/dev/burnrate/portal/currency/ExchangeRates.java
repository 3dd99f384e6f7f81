package dev.burnrate.portal.currency;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The exchange-rate table as read at one moment. A charge converts at its pair's rate of its own day or, failing
 * that, the nearest earlier day; never at a later rate and never through a third currency or the inverse pair
 * (finance enters exactly the rates it accepts).
 */
public final class ExchangeRates {

    private final Map<String, TreeMap<LocalDate, ExchangeRate>> byPair = new HashMap<>();

    public ExchangeRates(Collection<ExchangeRate> rates) {
        for (ExchangeRate r : rates) {
            byPair.computeIfAbsent(r.pair(), k -> new TreeMap<>()).put(r.date(), r);
        }
    }

    public static ExchangeRates none() {
        return new ExchangeRates(List.of());
    }

    /** An amount converted at {@link #rateOn}; unchanged in the same currency, empty without a rate. */
    public OptionalDouble convert(double amount, String from, String to, LocalDate day) {
        if (from.equals(to)) {
            return OptionalDouble.of(amount);
        }
        return rateOn(from, to, day).map(r -> OptionalDouble.of(amount * r.rate())).orElse(OptionalDouble.empty());
    }

    /** The rate that converts {@code from} into {@code to} for a charge on {@code day}, if there is one. */
    public Optional<ExchangeRate> rateOn(String from, String to, LocalDate day) {
        TreeMap<LocalDate, ExchangeRate> dated = byPair.get(from + "→" + to);
        return dated == null ? Optional.empty() : Optional.ofNullable(dated.floorEntry(day)).map(Map.Entry::getValue);
    }
}
