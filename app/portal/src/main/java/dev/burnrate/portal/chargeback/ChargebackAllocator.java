package dev.burnrate.portal.chargeback;

import dev.burnrate.portal.finance.Cents;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Splits one currency's cost of a period by a {@link ChargebackRule}: direct cost stays with its team, shared cost
 * is divided between the receiving teams exactly, and only then is every line rounded to the cent with
 * {@link LargestRemainder}, so the lines add up to the rounded total (the invoice) to the cent.
 */
final class ChargebackAllocator {

    /** A team's exact (unrounded) cost of the period; the team is null for rows without a team tag. */
    record TeamCost(BigDecimal billed, BigDecimal effective) {
    }

    private ChargebackAllocator() {
    }

    static List<ChargebackLine> allocate(ChargebackRule rule, Map<String, TeamCost> byTeam) {
        TreeSet<String> teams = new TreeSet<>();
        byTeam.keySet().stream().filter(t -> t != null && !rule.sharedTeams().contains(t)).forEach(teams::add);
        if (rule.split() == SplitRule.FIXED) {
            teams.addAll(rule.fixedShares().keySet());
        }
        Split billed = split(rule, byTeam, teams, TeamCost::billed);
        Split effective = split(rule, byTeam, teams, TeamCost::effective);
        List<ChargebackLine> lines = new ArrayList<>();
        int i = 0;
        for (String team : teams) {
            lines.add(new ChargebackLine(team, billed.direct.get(i), billed.shared(i), billed.total(i),
                    effective.direct.get(i), effective.shared(i), effective.total(i)));
            i++;
        }
        if (billed.direct.get(i).signum() != 0 || billed.shared(i).signum() != 0
                || effective.direct.get(i).signum() != 0 || effective.shared(i).signum() != 0) {
            lines.add(new ChargebackLine(null, billed.direct.get(i), billed.shared(i), billed.total(i),
                    effective.direct.get(i), effective.shared(i), effective.total(i)));
        }
        return lines;
    }

    /** Rounded direct and shared amounts per team, the last entry being the unallocated line. */
    private record Split(List<BigDecimal> direct, List<BigDecimal> sharedParts) {
        BigDecimal shared(int i) {
            return sharedParts.get(i);
        }

        BigDecimal total(int i) {
            return direct.get(i).add(sharedParts.get(i));
        }
    }

    private static Split split(ChargebackRule rule, Map<String, TeamCost> byTeam, TreeSet<String> teams,
                               Function<TeamCost, BigDecimal> metric) {
        BigDecimal pool = BigDecimal.ZERO;
        BigDecimal untagged = BigDecimal.ZERO;
        Map<String, BigDecimal> direct = new LinkedHashMap<>();
        teams.forEach(t -> direct.put(t, BigDecimal.ZERO));
        for (Map.Entry<String, TeamCost> e : byTeam.entrySet()) {
            BigDecimal amount = metric.apply(e.getValue());
            if (e.getKey() == null) {
                untagged = untagged.add(amount);
            } else if (rule.sharedTeams().contains(e.getKey())) {
                pool = pool.add(amount);
            } else {
                direct.merge(e.getKey(), amount, BigDecimal::add);
            }
        }
        BigDecimal unallocatedDirect = BigDecimal.ZERO;
        if (rule.splitUntagged()) {
            pool = pool.add(untagged);
        } else {
            unallocatedDirect = untagged;
        }
        Map<String, BigDecimal> weights = weights(rule, direct);
        BigDecimal weightSum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> exactDirect = new ArrayList<>(direct.values());
        exactDirect.add(unallocatedDirect);
        List<BigDecimal> exactShared = new ArrayList<>();
        BigDecimal placed = BigDecimal.ZERO;
        String lastRecipient = weights.entrySet().stream().filter(w -> w.getValue().signum() > 0)
                .map(Map.Entry::getKey).reduce((a, b) -> b).orElse(null);
        for (Map.Entry<String, BigDecimal> e : direct.entrySet()) {
            BigDecimal part = BigDecimal.ZERO;
            if (e.getKey().equals(lastRecipient)) {
                // the last recipient takes what is left, so the exact parts add up to the pool with no division error
                part = pool.subtract(placed);
            } else if (weightSum.signum() > 0) {
                part = pool.multiply(weights.get(e.getKey())).divide(weightSum, MathContext.DECIMAL128);
            }
            placed = placed.add(part);
            exactShared.add(part);
        }
        // what no team can receive stays visible, so the statement still adds up to the invoice
        exactShared.add(weightSum.signum() <= 0 ? pool : BigDecimal.ZERO);
        // the whole is rounded once; direct parts add up to the rounded direct total, shared parts to the rest
        BigDecimal directTotal = exactDirect.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal whole = Cents.round(directTotal.add(pool));
        BigDecimal directWhole = Cents.round(directTotal);
        return new Split(LargestRemainder.apportion(exactDirect, directWhole),
                LargestRemainder.apportion(exactShared, whole.subtract(directWhole)));
    }

    private static Map<String, BigDecimal> weights(ChargebackRule rule, Map<String, BigDecimal> direct) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : direct.entrySet()) {
            weights.put(e.getKey(), switch (rule.split()) {
                case EVEN -> BigDecimal.ONE;
                case PROPORTIONAL -> e.getValue().max(BigDecimal.ZERO);
                case FIXED -> rule.fixedShares().getOrDefault(e.getKey(), BigDecimal.ZERO);
            });
        }
        return weights;
    }
}
