package dev.burnrate.portal.budget.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Planned amounts are read exactly as typed, never through a double. */
class PlanAmountsTest {

    @Test
    void digitsWithGroupingAndUpToTwoDecimalsAreReadExactly() {
        assertThat(PlanAmounts.parse("50,000")).contains(new BigDecimal("50000.00"));
        assertThat(PlanAmounts.parse(" 9500.5 ")).contains(new BigDecimal("9500.50"));
        assertThat(PlanAmounts.parse("0.10")).contains(new BigDecimal("0.10"));
        assertThat(PlanAmounts.parse("12345678901234567.89")).contains(new BigDecimal("12345678901234567.89"));
        assertThat(PlanAmounts.parse("1.500")).as("trailing zeros are not cents").contains(new BigDecimal("1.50"));
        assertThat(PlanAmounts.parse("")).isEmpty();
    }

    @Test
    void anythingElseIsRefusedSayingWhy() {
        assertThatThrownBy(() -> PlanAmounts.parse("-1")).hasMessage("must not be negative (was -1)");
        assertThatThrownBy(() -> PlanAmounts.parse("1,23")).hasMessageContaining("\"1,23\" is not an amount");
        assertThatThrownBy(() -> PlanAmounts.parse("1e3")).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> PlanAmounts.parse("NaN")).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> PlanAmounts.parse("0.001")).hasMessage("0.001 has more than two decimals (cents)");
        assertThatThrownBy(() -> PlanAmounts.parse("123456789012345678")).hasMessage("123456789012345678 is too large");
    }
}
