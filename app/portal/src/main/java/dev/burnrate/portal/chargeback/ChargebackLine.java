package dev.burnrate.portal.chargeback;

import java.math.BigDecimal;

/**
 * One line of a chargeback statement, every amount rounded to the cent: a team's direct cost, its part of the
 * shared cost and their total, as billed (BilledCost: what the invoice says, commitments when bought) and as
 * amortised (EffectiveCost: commitments spread over the usage they cover).
 *
 * @param team the team, or null on the "Unallocated" line
 */
public record ChargebackLine(String team, BigDecimal directBilled, BigDecimal sharedBilled, BigDecimal billed,
                             BigDecimal directEffective, BigDecimal sharedEffective, BigDecimal effective) {

    public static final String UNALLOCATED = "Unallocated";

    public boolean unallocated() {
        return team == null;
    }

    public String label() {
        return team == null ? UNALLOCATED : team;
    }
}
