package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.provisioning.RequestState.APPROVED;
import static dev.burnrate.portal.provisioning.RequestState.CANCELLED;
import static dev.burnrate.portal.provisioning.RequestState.FAILED;
import static dev.burnrate.portal.provisioning.RequestState.PENDING_APPROVAL;
import static dev.burnrate.portal.provisioning.RequestState.PROVISIONED;
import static dev.burnrate.portal.provisioning.RequestState.PROVISIONING;
import static dev.burnrate.portal.provisioning.RequestState.REJECTED;
import static dev.burnrate.portal.provisioning.RequestState.UNKNOWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of how a provisioning request may move; {@link RequestRepository#transition} refuses anything else.
 * A request is created DENIED, PENDING_APPROVAL or APPROVED. UNKNOWN to UNKNOWN is a re-claim for another status
 * check; FAILED is only reached on a definite answer (a refusal, or the provider's status saying it holds nothing),
 * never because an answer is slow.
 */
public final class RequestTransitions {

    private static final Map<RequestState, Set<RequestState>> ALLOWED = Map.of(
            PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, CANCELLED),
            APPROVED, EnumSet.of(PROVISIONING),
            PROVISIONING, EnumSet.of(PROVISIONED, FAILED, UNKNOWN),
            UNKNOWN, EnumSet.of(UNKNOWN, PROVISIONED, FAILED));

    private RequestTransitions() {
    }

    public static boolean allowed(RequestState from, RequestState to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** @throws IllegalStateException for a move the table does not allow: a bug, not a race */
    public static void check(RequestState from, RequestState to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("a provisioning request cannot go from " + from + " to " + to);
        }
    }
}
