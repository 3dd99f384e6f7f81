package dev.burnrate.portal.budget.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** An exact amount with its currency: {@code {"amount": 1234.56, "currency": "USD"}}. */
@Schema(name = "Money")
public record MoneyJson(BigDecimal amount, String currency) {

    /** The amount in its currency, or null when there is no amount. */
    public static MoneyJson of(BigDecimal amount, String currency) {
        return amount == null ? null : new MoneyJson(amount, currency);
    }
}
