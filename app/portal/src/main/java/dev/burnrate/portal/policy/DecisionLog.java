package dev.burnrate.portal.policy;

import static dev.burnrate.portal.db.Tables.POLICY_DECISIONS;
import static dev.burnrate.portal.db.Tables.POLICY_DECISION_POLICIES;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.PolicyRef;
import dev.burnrate.engine.policy.Violation;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The decision log (OPA-style): every decision with its time, input, the policy versions that took part, the
 * outcome and the violations. Append-only. Callers own the transaction, so a decision and what it caused (a stored
 * request) commit together.
 */
@Repository
public class DecisionLog {

    private final DSLContext dsl;

    public DecisionLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long record(DecisionKind kind, String subject, String team, String actor, Decision decision,
                       Object input, Instant now) {
        long id = dsl.insertInto(POLICY_DECISIONS)
                .set(POLICY_DECISIONS.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POLICY_DECISIONS.KIND, kind.name())
                .set(POLICY_DECISIONS.SUBJECT, subject)
                .set(POLICY_DECISIONS.TEAM, team)
                .set(POLICY_DECISIONS.ACTOR, actor)
                .set(POLICY_DECISIONS.OUTCOME, decision.outcome().name())
                .set(POLICY_DECISIONS.POLICIES, decision.evaluated().stream().map(PolicyRef::toString)
                        .collect(Collectors.joining(",")))
                .set(POLICY_DECISIONS.APPROVER_ROLES, decision.approverRoles().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")))
                .set(POLICY_DECISIONS.INPUT_JSON, PolicyJson.write(input))
                .set(POLICY_DECISIONS.VIOLATIONS_JSON, PolicyJson.write(decision.violations().stream()
                        .map(DecisionLog::violation).toList()))
                .set(POLICY_DECISIONS.BUDGETS_JSON, PolicyJson.write(decision.budgets().stream()
                        .map(DecisionLog::budget).toList()))
                .returning(POLICY_DECISIONS.ID).fetchSingle().getId();
        for (PolicyRef ref : decision.evaluated()) {
            dsl.insertInto(POLICY_DECISION_POLICIES)
                    .set(POLICY_DECISION_POLICIES.DECISION_ID, id)
                    .set(POLICY_DECISION_POLICIES.POLICY_ID, ref.id())
                    .set(POLICY_DECISION_POLICIES.VERSION, ref.version())
                    .execute();
        }
        return id;
    }

    /** Decisions in which a policy took part (any version), newest first; all when policyId is null. */
    public List<DecisionRecord> find(String policyId, Condition visible, int offset, int limit) {
        return dsl.selectFrom(POLICY_DECISIONS).where(condition(policyId).and(visible))
                .orderBy(POLICY_DECISIONS.ID.desc()).offset(offset).limit(limit)
                .fetch(DecisionLog::toRecord);
    }

    public int count(String policyId, Condition visible) {
        return dsl.fetchCount(POLICY_DECISIONS, condition(policyId).and(visible));
    }

    public java.util.Optional<DecisionRecord> findById(long id) {
        return dsl.selectFrom(POLICY_DECISIONS).where(POLICY_DECISIONS.ID.eq(id)).fetchOptional(DecisionLog::toRecord);
    }

    private Condition condition(String policyId) {
        if (policyId == null) {
            return DSL.trueCondition();
        }
        return POLICY_DECISIONS.ID.in(DSL.select(POLICY_DECISION_POLICIES.DECISION_ID).from(POLICY_DECISION_POLICIES)
                .where(POLICY_DECISION_POLICIES.POLICY_ID.eq(policyId)));
    }

    private static DecisionRecord toRecord(Record r) {
        return new DecisionRecord(r.get(POLICY_DECISIONS.ID), r.get(POLICY_DECISIONS.DECIDED_AT).toInstant(),
                DecisionKind.valueOf(r.get(POLICY_DECISIONS.KIND)), r.get(POLICY_DECISIONS.SUBJECT),
                r.get(POLICY_DECISIONS.TEAM), r.get(POLICY_DECISIONS.ACTOR), r.get(POLICY_DECISIONS.OUTCOME),
                r.get(POLICY_DECISIONS.POLICIES), r.get(POLICY_DECISIONS.APPROVER_ROLES),
                PolicyJson.readList(r.get(POLICY_DECISIONS.VIOLATIONS_JSON)), r.get(POLICY_DECISIONS.INPUT_JSON));
    }

    static Map<String, Object> violation(Violation v) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("policy", v.policy().id());
        map.put("version", v.policy().version());
        map.put("rule", v.ruleId());
        map.put("type", v.ruleType());
        map.put("code", v.code());
        map.put("resource", v.resource());
        map.put("outcome", v.outcome().name());
        map.put("intended", v.intendedOutcome().name());
        map.put("message", v.message());
        map.put("evidence", v.evidence());
        return map;
    }

    static Map<String, Object> budget(BudgetCheck check) {
        Map<String, Object> map = new LinkedHashMap<>(check.evidence(check.worst().orElse(null)));
        map.put("account", check.key().id());
        return map;
    }
}
