package dev.burnrate.portal.review;

/** What a review line stands for. */
public enum LineKind {
    /** One budget (a parent's figures include its children's scopes, each row counted once). */
    BUDGET,
    /** A team with spend in the period and no team budget of that currency. */
    TEAM,
    /** A project with spend in the period and no project budget of that currency. */
    PROJECT,
    /** What the top-level budgets count more than once (overlapping scopes) or in another cost column. */
    OVERLAP,
    /** Spend no budget covers. */
    UNCOVERED,
    /** The period's total of one currency. */
    TOTAL
}
