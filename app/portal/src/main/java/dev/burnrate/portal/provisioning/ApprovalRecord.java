package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.ApproverRole;
import java.time.Instant;

/** One approver's verdict on a request, for one role. */
public record ApprovalRecord(String requestId, ApproverRole role, boolean approved, String decidedBy, String comment,
                             Instant decidedAt) {
}
