package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.Amount;
import dev.burnrate.portal.currency.ExchangeRate;
import dev.burnrate.portal.currency.ExchangeRates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A budget account's spend in the account's currency, and how it was reached: spend in the same currency counts
 * as it is, spend in another currency counts converted at the rate of its day (nearest earlier rate), and spend
 * with no such rate is not counted at all but listed, so the page can say what was left out.
 *
 * @param currency    the account's currency
 * @param counted     everything counted, in {@code currency}
 * @param conversions per foreign currency, what was converted and at which rates
 * @param notCounted  per foreign currency (or "(no currency)"), what had no rate and was left out
 */
public record SpendBreakdown(String currency, double counted, List<Conversion> conversions,
                             Map<String, Double> notCounted) {

    private static final String NONE = "(no currency)";

    public SpendBreakdown {
        Objects.requireNonNull(currency, "currency");
        conversions = List.copyOf(conversions);
        notCounted = Map.copyOf(notCounted);
    }

    /**
     * Foreign spend converted into the account's currency.
     *
     * @param original  the amount in {@code from}
     * @param converted what it counts as in the account's currency
     * @param minRate   the lowest rate used, {@code maxRate} the highest; {@code firstRate} and {@code lastRate}
     *                  the dates of the earliest and latest rate entries used
     */
    public record Conversion(String from, double original, double converted, double minRate, double maxRate,
                             LocalDate firstRate, LocalDate lastRate) {

        Conversion plus(Conversion o) {
            return new Conversion(from, original + o.original, converted + o.converted, Math.min(minRate, o.minRate),
                    Math.max(maxRate, o.maxRate), min(firstRate, o.firstRate), max(lastRate, o.lastRate));
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    public static SpendBreakdown none(String currency) {
        return new SpendBreakdown(currency, 0, List.of(), Map.of());
    }

    /** Counts daily spend into a currency with the rates of the table; what has no rate is left out and listed. */
    static SpendBreakdown of(String currency, Collection<DaySpend> spend, ExchangeRates rates) {
        double counted = 0;
        Map<String, Conversion> conversions = new TreeMap<>();
        Map<String, Double> notCounted = new TreeMap<>();
        for (DaySpend s : spend) {
            if (s.amount() == 0) {
                continue;
            }
            if (currency.equals(s.currency())) {
                counted += s.amount();
                continue;
            }
            Optional<ExchangeRate> rate = s.currency() == null ? Optional.empty()
                    : rates.rateOn(s.currency(), currency, s.day());
            if (rate.isEmpty()) {
                notCounted.merge(s.currency() == null ? NONE : s.currency(), s.amount(), Double::sum);
                continue;
            }
            ExchangeRate r = rate.get();
            double converted = s.amount() * r.rate();
            counted += converted;
            conversions.merge(s.currency(), new Conversion(s.currency(), s.amount(), converted, r.rate(), r.rate(),
                    r.date(), r.date()), Conversion::plus);
        }
        return new SpendBreakdown(currency, counted, new ArrayList<>(conversions.values()), notCounted);
    }

    /** The sum of two breakdowns of the same account's currency. */
    SpendBreakdown plus(SpendBreakdown other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add spend in " + other.currency + " to spend in " + currency);
        }
        Map<String, Conversion> c = new TreeMap<>();
        conversions.forEach(x -> c.merge(x.from(), x, Conversion::plus));
        other.conversions.forEach(x -> c.merge(x.from(), x, Conversion::plus));
        Map<String, Double> n = new TreeMap<>(notCounted);
        other.notCounted.forEach((k, v) -> n.merge(k, v, Double::sum));
        return new SpendBreakdown(currency, counted + other.counted, new ArrayList<>(c.values()), n);
    }

    /**
     * What the page says about this figure, e.g. {@code €1,000.00 EUR counted as $1,080.00 at 1.08 EUR→USD (rate of
     * 2026-11-01)} or {@code ¥1,234,567 JPY not counted: no JPY→USD rate}.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (Conversion c : conversions) {
            String rate = c.minRate() == c.maxRate() ? fmt(c.minRate()) : fmt(c.minRate()) + "–" + fmt(c.maxRate());
            String dates = c.firstRate().equals(c.lastRate()) ? "rate of " + c.firstRate()
                    : "rates of " + c.firstRate() + " to " + c.lastRate();
            notes.add(Amount.format(c.original(), c.from()) + " counted as " + Amount.format(c.converted(), currency)
                    + " at " + rate + " " + c.from() + "→" + currency + " (" + dates + ")");
        }
        notCounted.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> notes.add(
                e.getKey().equals(NONE)
                        ? String.format(Locale.ROOT, "%,.2f not counted: rows without a billing currency", e.getValue())
                        : Amount.format(e.getValue(), e.getKey()) + " not counted: no " + e.getKey() + "→" + currency
                                + " rate"));
        return notes;
    }

    private static String fmt(double rate) {
        return java.math.BigDecimal.valueOf(rate).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
