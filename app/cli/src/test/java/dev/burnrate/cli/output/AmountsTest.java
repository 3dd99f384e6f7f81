package dev.burnrate.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void roundsHalfEvenToCentsGroupedWithoutLocaleAndWithoutANegativeZero() {
        assertThat(Amounts.money(new BigDecimal("1234567.125"))).isEqualTo("1,234,567.12");
        assertThat(Amounts.money(new BigDecimal("0.135"))).isEqualTo("0.14");
        assertThat(Amounts.money(new BigDecimal("-0.004"))).isEqualTo("0.00");
        assertThat(Amounts.money(new BigDecimal("-12.5"))).isEqualTo("-12.50");
        assertThat(Amounts.money((BigDecimal) null)).isEqualTo("-");
    }

    @Test
    void tablesAlignNumbersRightAndEndLinesWithoutBlanks() {
        String table = new TextTable(List.of("NAME", "COST"), false, true)
                .row(List.of("a", "1.00")).row(List.of("longer", "1,000.00")).render();
        assertThat(table).isEqualTo("NAME        COST\na           1.00\nlonger  1,000.00\n");
    }

    @Test
    void jsonTablesShowAmountsWithCurrencyAndHeadersFromFieldNames() {
        assertThat(JsonTable.header("actualToDate")).isEqualTo("ACTUAL TO DATE");
        assertThat(JsonTable.cell(dev.burnrate.cli.http.Json.MAPPER.readTree(
                "{\"amount\":1234.5,\"currency\":\"EUR\"}"))).isEqualTo("1,234.50 EUR");
    }
}
