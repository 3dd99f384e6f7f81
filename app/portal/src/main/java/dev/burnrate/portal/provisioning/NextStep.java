package dev.burnrate.portal.provisioning;

import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.portal.notification.NotificationRepository;
import dev.burnrate.portal.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who acts next on a request, in words for toasts and notifications: which verdict it still waits for and who can
 * give it (never its requester, nor someone who gave its other verdict), or what happens to it next.
 */
@Component
class NextStep {

    private final ApprovalRepository approvals;
    private final NotificationRepository users;

    NextStep(ApprovalRepository approvals, NotificationRepository users) {
        this.approvals = approvals;
        this.users = users;
    }

    /** Reads the verdicts given and who holds each role; call it in a transaction. */
    String describe(StoredRequest request) {
        if (request.state() != RequestState.PENDING_APPROVAL) {
            return describe(request, List.of(), List.of(), List.of());
        }
        return describe(request, approvals.forRequest(request.id()),
                users.usersWithRole(Role.APPROVER.name(), request.teamId()),
                users.usersWithRole(Role.FINANCE.name(), null));
    }

    static String describe(StoredRequest request, List<ApprovalRecord> given, List<String> approvers,
                           List<String> finance) {
        return switch (request.state()) {
            case PENDING_APPROVAL -> {
                List<String> waits = new ArrayList<>();
                if (given.stream().noneMatch(a -> a.role() == ApproverRole.APPROVER)) {
                    waits.add("an approver of team " + request.team() + " (" + who(request, given, approvers) + ")");
                }
                if (request.needsFinance() && given.stream().noneMatch(a -> a.role() == ApproverRole.FINANCE)) {
                    waits.add("finance (" + who(request, given, finance) + ")");
                }
                yield "now waits for approval by " + String.join(" and by ", waits) + ".";
            }
            case APPROVED -> "approved; it is being handed to the provider.";
            case PROVISIONING -> "approved; the provider is creating it.";
            case UNKNOWN -> "waiting for the provider to confirm; the budget stays reserved until it does.";
            case PROVISIONED -> "provisioned as " + request.resourceId() + ".";
            case FAILED -> "the provider did not create it: " + request.failure();
            case REJECTED -> "rejected; nothing will be provisioned.";
            case DENIED -> "denied by policy; nothing will be provisioned.";
            case CANCELLED -> "cancelled; nothing will be provisioned.";
        };
    }

    private static String who(StoredRequest request, List<ApprovalRecord> given, List<String> holders) {
        List<String> eligible = holders.stream().filter(u -> !u.equals(request.requestedBy()))
                .filter(u -> given.stream().noneMatch(a -> a.decidedBy().equals(u))).sorted().toList();
        return (eligible.isEmpty() ? "nobody holds that role yet" : String.join(", ", eligible)) + ", or an admin";
    }
}
