package dev.burnrate.portal.chargeback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The chargeback rule: which cost is shared and how it is split.
 * <p>
 * <b>Shared cost</b> is the cost of rows whose team tag names one of {@code sharedTeams} (platform or shared
 * services that serve everyone) and, when {@code splitUntagged}, of rows without a team tag. It is split by
 * {@code split} between the other teams. Untagged cost that is not split, and shared cost no team can receive (no
 * team with direct cost, or only net credits under PROPORTIONAL), stays on the statement's "Unallocated" line.
 *
 * @param fixedShares percent per team (for {@link SplitRule#FIXED}); they must add up to exactly 100
 * @param version     the stored version an edit started from (optimistic locking); 0 before the first save
 */
public record ChargebackRule(SplitRule split, SortedSet<String> sharedTeams, boolean splitUntagged,
                             SortedMap<String, BigDecimal> fixedShares, int version) {

    /** Until finance saves a rule: untagged cost split in proportion to direct cost, no shared teams. */
    public static final ChargebackRule DEFAULT = new ChargebackRule(SplitRule.PROPORTIONAL, new TreeSet<>(), true,
            new TreeMap<>(), 0);

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    public ChargebackRule {
        sharedTeams = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sharedTeams));
        fixedShares = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fixedShares));
    }

    /** What is wrong with this rule, in words a finance user can act on; empty when it can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (split == null) {
            problems.add("Choose how shared cost is split: even, proportional or fixed shares.");
            return problems;
        }
        for (String team : sharedTeams) {
            if (team.isBlank()) {
                problems.add("A shared team's name is empty.");
            }
        }
        if (split != SplitRule.FIXED) {
            return problems;
        }
        if (fixedShares.isEmpty()) {
            problems.add("Fixed shares need at least one team with a percent.");
            return problems;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : fixedShares.entrySet()) {
            String team = e.getKey();
            BigDecimal percent = e.getValue();
            if (team.isBlank()) {
                problems.add("A fixed share has no team name.");
            }
            if (sharedTeams.contains(team)) {
                problems.add("Team " + team + " is a shared team: its cost is split, it cannot receive a share.");
            }
            if (percent == null) {
                problems.add("Team " + team + " has no percent.");
                continue;
            }
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                problems.add("Team " + team + ": " + percent.toPlainString() + "% is not between 0 and 100.");
            }
            if (percent.stripTrailingZeros().scale() > 4) {
                problems.add("Team " + team + ": " + percent.toPlainString() + "% has more than 4 decimals.");
            }
            sum = sum.add(percent);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            problems.add("Fixed shares add up to " + sum.stripTrailingZeros().toPlainString()
                    + "%; they must add up to exactly 100%.");
        }
        return problems;
    }

    /** e.g. "Proportional to direct cost; shared teams: platform; untagged cost is shared". */
    public String describe() {
        String how = switch (split) {
            case EVEN -> "Even split between teams with direct cost";
            case PROPORTIONAL -> "Proportional to direct cost";
            case FIXED -> "Fixed shares: " + String.join(", ", fixedShares.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString() + "%").toList());
        };
        return how + "; shared teams: " + (sharedTeams.isEmpty() ? "none" : String.join(", ", sharedTeams))
                + "; untagged cost is " + (splitUntagged ? "shared" : "left unallocated");
    }
}
