package dev.burnrate.portal.budget.plan;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether days belong to a signed (locked) review. Budget edits that would change a signed figure are refused with
 * the reason this returns, e.g. "2026-11 was signed off by finance on 2026-12-03; reopen the review to change it".
 * Implemented by the reviews; without any implementation nothing is locked.
 */
public interface PeriodLocks {

    /** Why an edit touching {@code [from, toExclusive)} is refused, or empty when no signed review covers it. */
    Optional<String> lockedReason(LocalDate from, LocalDate toExclusive);
}
