package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.APPROVALS;

import dev.burnrate.engine.policy.ApproverRole;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Approvals; the table's unique (request, role) key refuses a second verdict for the same role. */
@Repository
public class ApprovalRepository {

    private final DSLContext dsl;

    public ApprovalRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(String requestId, ApproverRole role, boolean approved, String actor, String comment,
                       Instant now) {
        dsl.insertInto(APPROVALS)
                .set(APPROVALS.REQUEST_ID, requestId)
                .set(APPROVALS.ROLE, role.name())
                .set(APPROVALS.VERDICT, approved ? "APPROVED" : "REJECTED")
                .set(APPROVALS.DECIDED_BY, actor)
                .set(APPROVALS.COMMENT, comment)
                .set(APPROVALS.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public List<ApprovalRecord> forRequest(String requestId) {
        return dsl.selectFrom(APPROVALS).where(APPROVALS.REQUEST_ID.eq(requestId)).orderBy(APPROVALS.ID)
                .fetch(r -> new ApprovalRecord(r.getRequestId(), ApproverRole.valueOf(r.getRole()),
                        r.getVerdict().equals("APPROVED"), r.getDecidedBy(), r.getComment(),
                        r.getDecidedAt().toInstant()));
    }
}
