package dev.burnrate.portal.review;

import dev.burnrate.portal.finance.Cents;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** How review figures read on the page: rounded once, half-even, to the cent, with the currency code. */
final class Figures {

    private Figures() {
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(Cents.round(amount)) + " " + currency;
    }

    static String percent(BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString() + " %";
    }

    /** A small inline SVG line of daily spend (numbers only, so safe to render as HTML). */
    static String sparkline(List<BigDecimal> daily) {
        int width = 120;
        int height = 28;
        if (daily.isEmpty()) {
            return "<svg width='" + width + "' height='" + height + "'></svg>";
        }
        double max = daily.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double min = Math.min(0, daily.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0));
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < daily.size(); i++) {
            double x = daily.size() == 1 ? width / 2.0 : i * (width - 2) / (double) (daily.size() - 1) + 1;
            double y = height - 2 - (daily.get(i).doubleValue() - min) / span * (height - 4);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<svg class='review-sparkline' width='" + width + "' height='" + height + "' viewBox='0 0 " + width
                + " " + height + "'><polyline fill='none' stroke='var(--lumo-primary-color)' stroke-width='1.5' "
                + "points='" + points.toString().strip() + "'/></svg>";
    }
}
