package dev.burnrate.portal.chargeback;

/** How shared cost is split between the teams that receive it. */
public enum SplitRule {
    /** The same part for every team with direct cost in the period. */
    EVEN,
    /** In proportion to each team's direct cost in the period (in the same metric; teams with a net credit get 0). */
    PROPORTIONAL,
    /** A fixed percent per team, the percents adding up to exactly 100. */
    FIXED
}
