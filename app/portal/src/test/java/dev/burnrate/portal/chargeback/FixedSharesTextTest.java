package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FixedSharesTextTest {

    @Test
    void parsesTeamEqualsPercentLinesAndFormatsThemBack() {
        var shares = FixedSharesText.parse("vision = 40\n\n search=60.5% \r\nml-research = 0");
        assertThat(shares).containsEntry("vision", new BigDecimal("40")).containsEntry("search",
                new BigDecimal("60.5")).containsEntry("ml-research", new BigDecimal("0"));
        assertThat(FixedSharesText.format(shares)).isEqualTo("ml-research = 0\nsearch = 60.5\nvision = 40");
        assertThat(FixedSharesText.parse(null)).isEmpty();
    }

    @Test
    void badLinesAreRefusedByLineNumber() {
        assertThatThrownBy(() -> FixedSharesText.parse("vision = 40\nsearch 60"))
                .hasMessage("Line 2 \"search 60\": write a team and its percent, e.g. vision = 40.");
        assertThatThrownBy(() -> FixedSharesText.parse("vision = forty"))
                .hasMessage("Line 1: \"forty\" is not a number.");
        assertThatThrownBy(() -> FixedSharesText.parse("vision = 40\nvision = 60"))
                .hasMessage("Line 2: team vision has a share already.");
    }
}
