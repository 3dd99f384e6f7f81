package dev.burnrate.engine.policy.budget;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * Supplies budget figures. The portal implements it from usage data (actual, run-rate) and from its reservations
 * table (committed); the figures must be current when a provisioning decision is final (see {@link BudgetLedger}).
 */
@FunctionalInterface
public interface BudgetStatusProvider {

    BudgetStatus status(BudgetKey key);

    /**
     * An amount converted between currencies at the rate of a date, or empty when there is no such rate. Without
     * an exchange-rate table only same-currency amounts convert; the portal reads its dated rate table.
     */
    default OptionalDouble convert(double amount, String from, String to, LocalDate date) {
        return from.equals(to) ? OptionalDouble.of(amount) : OptionalDouble.empty();
    }
}
