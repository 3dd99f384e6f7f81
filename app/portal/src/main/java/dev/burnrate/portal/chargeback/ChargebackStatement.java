package dev.burnrate.portal.chargeback;

import dev.burnrate.portal.finance.DataVersions;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The showback and chargeback statement of one month in one currency (currencies are never added). Its lines add
 * up, to the cent, to {@code invoice} (the month's BilledCost) and to {@code effective} (its EffectiveCost).
 *
 * @param scoped true when the reader sees only their own teams' lines (the totals are then not shown)
 */
public record ChargebackStatement(YearMonth month, String currency, ChargebackRule rule, DataVersions versions,
                                  List<ChargebackLine> lines, BigDecimal invoice, BigDecimal effective,
                                  boolean scoped) {

    public ChargebackStatement {
        lines = List.copyOf(lines);
    }
}
