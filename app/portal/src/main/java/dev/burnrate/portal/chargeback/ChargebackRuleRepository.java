package dev.burnrate.portal.chargeback;

import static dev.burnrate.portal.db.Tables.CHARGEBACK_FIXED_SHARES;
import static dev.burnrate.portal.db.Tables.CHARGEBACK_RULES;
import static dev.burnrate.portal.db.Tables.TEAMS;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The stored chargeback rule (one row). No authorisation here: {@link ChargebackService} decides. */
@Repository
public class ChargebackRuleRepository {

    private static final int ID = 1;

    private final DSLContext dsl;

    public ChargebackRuleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The saved rule, or {@link ChargebackRule#DEFAULT} before the first save. */
    public ChargebackRule find() {
        var row = dsl.selectFrom(CHARGEBACK_RULES).where(CHARGEBACK_RULES.ID.eq(ID)).fetchOne();
        if (row == null) {
            return ChargebackRule.DEFAULT;
        }
        TreeMap<String, BigDecimal> shares = new TreeMap<>();
        dsl.selectFrom(CHARGEBACK_FIXED_SHARES).fetch().forEach(s -> shares.put(s.getTeam(), s.getPercent()));
        TreeSet<String> shared = new TreeSet<>(Arrays.stream(row.getSharedTeams().split(","))
                .filter(s -> !s.isBlank()).toList());
        return new ChargebackRule(SplitRule.valueOf(row.getSplitRule()), shared, row.getSplitUntagged(), shares,
                row.getVersion());
    }

    /**
     * Saves a rule edited from version {@code rule.version()}; returns false (and changes nothing) when someone
     * saved another version in between. Call inside a transaction.
     */
    public boolean save(ChargebackRule rule, String actor, Instant now) {
        String shared = String.join(",", rule.sharedTeams());
        int changed;
        if (rule.version() == 0) {
            if (dsl.fetchExists(CHARGEBACK_RULES)) {
                return false;
            }
            // a concurrent first save fails on the primary key and rolls back its transaction
            changed = dsl.insertInto(CHARGEBACK_RULES).set(CHARGEBACK_RULES.ID, ID)
                    .set(CHARGEBACK_RULES.SPLIT_RULE, rule.split().name())
                    .set(CHARGEBACK_RULES.SHARED_TEAMS, shared)
                    .set(CHARGEBACK_RULES.SPLIT_UNTAGGED, rule.splitUntagged())
                    .set(CHARGEBACK_RULES.VERSION, 1)
                    .set(CHARGEBACK_RULES.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(CHARGEBACK_RULES.UPDATED_BY, actor)
                    .execute();
        } else {
            changed = dsl.update(CHARGEBACK_RULES).set(CHARGEBACK_RULES.SPLIT_RULE, rule.split().name())
                    .set(CHARGEBACK_RULES.SHARED_TEAMS, shared)
                    .set(CHARGEBACK_RULES.SPLIT_UNTAGGED, rule.splitUntagged())
                    .set(CHARGEBACK_RULES.VERSION, rule.version() + 1)
                    .set(CHARGEBACK_RULES.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(CHARGEBACK_RULES.UPDATED_BY, actor)
                    .where(CHARGEBACK_RULES.ID.eq(ID)).and(CHARGEBACK_RULES.VERSION.eq(rule.version())).execute();
        }
        if (changed == 0) {
            return false;
        }
        dsl.deleteFrom(CHARGEBACK_FIXED_SHARES).execute();
        for (var share : rule.fixedShares().entrySet()) {
            dsl.insertInto(CHARGEBACK_FIXED_SHARES).set(CHARGEBACK_FIXED_SHARES.TEAM, share.getKey())
                    .set(CHARGEBACK_FIXED_SHARES.PERCENT, share.getValue()).execute();
        }
        return true;
    }

    /** The names of teams by id. */
    public Set<String> teamNames(Set<Long> teamIds) {
        return teamIds.isEmpty() ? Set.of()
                : dsl.select(TEAMS.NAME).from(TEAMS).where(TEAMS.ID.in(teamIds)).fetchSet(TEAMS.NAME);
    }
}
