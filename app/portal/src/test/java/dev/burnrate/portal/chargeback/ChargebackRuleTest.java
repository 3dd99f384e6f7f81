package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ChargebackRuleTest {

    private static ChargebackRule fixed(Set<String> shared, Map<String, String> shares) {
        TreeMap<String, BigDecimal> fixed = new TreeMap<>();
        shares.forEach((k, v) -> fixed.put(k, new BigDecimal(v)));
        return new ChargebackRule(SplitRule.FIXED, new TreeSet<>(shared), true, fixed, 0);
    }

    @Test
    void fixedSharesMustAddUpToExactlyOneHundred() {
        assertThat(fixed(Set.of(), Map.of("a", "60", "b", "40.0000")).problems()).isEmpty();
        assertThat(fixed(Set.of(), Map.of("a", "60", "b", "30")).problems())
                .containsExactly("Fixed shares add up to 90%; they must add up to exactly 100%.");
        assertThat(fixed(Set.of(), Map.of("a", "60", "b", "40.0001")).problems())
                .containsExactly("Fixed shares add up to 100.0001%; they must add up to exactly 100%.");
    }

    @Test
    void eachShareIsNamedInItsOwnMessage() {
        assertThat(fixed(Set.of("platform"), Map.of("platform", "10", "a", "-10", "b", "100.00001")).problems())
                .contains("Team platform is a shared team: its cost is split, it cannot receive a share.",
                        "Team a: -10% is not between 0 and 100.",
                        "Team b: 100.00001% is not between 0 and 100.",
                        "Team b: 100.00001% has more than 4 decimals.");
        assertThat(fixed(Set.of(), Map.of()).problems())
                .containsExactly("Fixed shares need at least one team with a percent.");
        assertThat(new ChargebackRule(null, new TreeSet<>(), true, new TreeMap<>(), 0).problems())
                .containsExactly("Choose how shared cost is split: even, proportional or fixed shares.");
    }

    @Test
    void otherRulesIgnoreFixedShares() {
        ChargebackRule even = new ChargebackRule(SplitRule.EVEN, new TreeSet<>(Set.of("platform")), false,
                new TreeMap<>(Map.of("a", BigDecimal.TEN)), 0);
        assertThat(even.problems()).isEmpty();
        assertThat(even.describe()).isEqualTo("Even split between teams with direct cost; shared teams: platform;"
                + " untagged cost is left unallocated");
    }
}
