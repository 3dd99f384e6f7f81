package dev.burnrate.portal.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.chargeback.ChargebackAllocator.TeamCost;
import dev.burnrate.portal.finance.Cents;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ChargebackAllocatorTest {

    private static ChargebackRule rule(SplitRule split, List<String> shared, boolean splitUntagged,
                                       Map<String, String> shares) {
        TreeMap<String, BigDecimal> fixed = new TreeMap<>();
        shares.forEach((k, v) -> fixed.put(k, new BigDecimal(v)));
        return new ChargebackRule(split, new TreeSet<>(shared), splitUntagged, fixed, 0);
    }

    private static TeamCost cost(String billed, String effective) {
        return new TeamCost(new BigDecimal(billed), new BigDecimal(effective));
    }

    private static Map<String, ChargebackLine> byLabel(List<ChargebackLine> lines) {
        Map<String, ChargebackLine> out = new LinkedHashMap<>();
        lines.forEach(l -> out.put(l.label(), l));
        return out;
    }

    @Test
    void evenSplitGivesTheLeftoverCentToTheLargestRemainder() {
        Map<String, TeamCost> costs = new HashMap<>();
        costs.put("a", cost("10", "10"));
        costs.put("b", cost("20", "20"));
        costs.put("c", cost("30.001", "30.001"));
        costs.put(null, cost("0.01", "0.01"));
        var lines = byLabel(ChargebackAllocator.allocate(rule(SplitRule.EVEN, List.of(), true, Map.of()), costs));
        assertThat(lines).containsOnlyKeys("a", "b", "c");
        assertThat(lines.get("a").billed()).isEqualByComparingTo("10.00");
        assertThat(lines.get("b").billed()).isEqualByComparingTo("20.00");
        assertThat(lines.get("c").billed()).isEqualByComparingTo("30.01");
        assertThat(lines.get("c").directBilled()).isEqualByComparingTo("30.00");
        assertThat(lines.get("c").sharedBilled()).isEqualByComparingTo("0.01");
    }

    @Test
    void proportionalSplitFollowsDirectCostAndNetCreditsReceiveNothing() {
        Map<String, TeamCost> costs = new HashMap<>();
        costs.put("a", cost("100", "90"));
        costs.put("b", cost("300", "270"));
        costs.put("c", cost("-5", "-5"));
        costs.put("platform", cost("40", "36"));
        var lines = byLabel(ChargebackAllocator.allocate(rule(SplitRule.PROPORTIONAL, List.of("platform"), true,
                Map.of()), costs));
        assertThat(lines).containsOnlyKeys("a", "b", "c");
        assertThat(lines.get("a").billed()).isEqualByComparingTo("110.00");
        assertThat(lines.get("b").billed()).isEqualByComparingTo("330.00");
        assertThat(lines.get("c").billed()).isEqualByComparingTo("-5.00");
        assertThat(lines.get("a").effective()).isEqualByComparingTo("99.00");
        assertThat(lines.get("b").sharedEffective()).isEqualByComparingTo("27.00");
    }

    @Test
    void fixedSharesSplitByPercentAndTeamsWithoutAShareKeepTheirDirectCost() {
        Map<String, TeamCost> costs = new HashMap<>();
        costs.put("a", cost("1", "1"));
        costs.put("d", cost("2", "2"));
        costs.put(null, cost("10.005", "0"));
        var lines = byLabel(ChargebackAllocator.allocate(rule(SplitRule.FIXED, List.of(), true,
                Map.of("a", "70", "b", "30")), costs));
        assertThat(lines).containsOnlyKeys("a", "b", "d");
        assertThat(lines.get("a").sharedBilled()).isEqualByComparingTo("7.00");
        assertThat(lines.get("b").billed()).isEqualByComparingTo("3.00");
        assertThat(lines.get("d").billed()).isEqualByComparingTo("2.00");
        assertThat(sum(lines.values().stream().map(ChargebackLine::billed).toList())).isEqualByComparingTo("13.00");
    }

    @Test
    void untaggedCostNotSplitAndSharedCostNobodyCanReceiveStayUnallocated() {
        Map<String, TeamCost> costs = new HashMap<>();
        costs.put("a", cost("5", "5"));
        costs.put(null, cost("2.50", "2.50"));
        var lines = byLabel(ChargebackAllocator.allocate(rule(SplitRule.EVEN, List.of(), false, Map.of()), costs));
        assertThat(lines.get(ChargebackLine.UNALLOCATED).billed()).isEqualByComparingTo("2.50");
        assertThat(lines.get(ChargebackLine.UNALLOCATED).directBilled()).isEqualByComparingTo("2.50");
        assertThat(lines.get("a").billed()).isEqualByComparingTo("5.00");

        Map<String, TeamCost> onlyShared = new HashMap<>();
        onlyShared.put("platform", cost("7", "7"));
        onlyShared.put("b", cost("-1", "-1"));
        var nobody = byLabel(ChargebackAllocator.allocate(rule(SplitRule.PROPORTIONAL, List.of("platform"), true,
                Map.of()), onlyShared));
        assertThat(nobody.get(ChargebackLine.UNALLOCATED).sharedBilled()).isEqualByComparingTo("7.00");
        assertThat(nobody.get("b").billed()).isEqualByComparingTo("-1.00");
    }

    /** Thousands of random periods: every rule's lines add up to the rounded total and stay within a cent of exact. */
    @Test
    void everyRuleSplitsToTheCentOnRandomAdversarialAmounts() {
        SplittableRandom random = new SplittableRandom(5);
        List<ChargebackRule> rules = List.of(rule(SplitRule.EVEN, List.of("t0"), true, Map.of()),
                rule(SplitRule.PROPORTIONAL, List.of("t0"), true, Map.of()),
                rule(SplitRule.FIXED, List.of("t0"), false, Map.of("t1", "33.3333", "t2", "33.3333", "t3", "33.3334")));
        for (int run = 0; run < 3000; run++) {
            Map<String, TeamCost> costs = new HashMap<>();
            BigDecimal billed = BigDecimal.ZERO;
            BigDecimal effective = BigDecimal.ZERO;
            for (int t = 0; t < 1 + random.nextInt(6); t++) {
                BigDecimal b = BigDecimal.valueOf(random.nextLong(-2_000, 2_000_000), 3 + random.nextInt(4));
                BigDecimal e = BigDecimal.valueOf(random.nextLong(-2_000, 2_000_000) * 10 + 5, 4);
                costs.put(random.nextInt(7) == 0 ? null : "t" + t, new TeamCost(b, e));
            }
            for (TeamCost c : costs.values()) {
                billed = billed.add(c.billed());
                effective = effective.add(c.effective());
            }
            for (ChargebackRule r : rules) {
                List<ChargebackLine> lines = ChargebackAllocator.allocate(r, costs);
                assertThat(sum(lines.stream().map(ChargebackLine::billed).toList())).as("run %d %s", run, r.split())
                        .isEqualTo(Cents.round(billed));
                assertThat(sum(lines.stream().map(ChargebackLine::effective).toList()))
                        .isEqualTo(Cents.round(effective));
                for (ChargebackLine l : lines) {
                    assertThat(l.directBilled().add(l.sharedBilled())).isEqualTo(l.billed());
                    assertThat(l.billed().scale()).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void largestRemainderGivesTheMissingCentsToTheLargestRemaindersFirst() {
        BigDecimal third = BigDecimal.ONE.divide(new BigDecimal(3), java.math.MathContext.DECIMAL128);
        assertThat(LargestRemainder.apportion(List.of(third, third, third), new BigDecimal("1.00")))
                .containsExactly(new BigDecimal("0.34"), new BigDecimal("0.33"), new BigDecimal("0.33"));
        assertThat(LargestRemainder.apportion(List.of(new BigDecimal("0.004"), new BigDecimal("0.006"),
                new BigDecimal("-0.001")), new BigDecimal("0.01")))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.01"), new BigDecimal("0.00"));
        // a whole left over from a larger rounding may be a cent below the parts' own: the smallest remainder pays
        assertThat(LargestRemainder.apportion(List.of(new BigDecimal("0.01"), new BigDecimal("0.004")),
                new BigDecimal("0.00"))).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
