package dev.burnrate.portal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One group of a finance query summed over every pinned version: the group's key values (null for untagged), its
 * time bucket (null without bucketing), its billing currency and its exact (unrounded) amount.
 */
public record SpendRow(List<String> keys, Instant bucket, String currency, BigDecimal amount) {

    public SpendRow {
        keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys));
    }
}
