package dev.burnrate.portal.policy;

import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.continuous.ScanInput;
import java.util.List;
import java.util.Optional;

/**
 * What policies can be tried against: stored provisioning requests and the running inventory, as policy inputs.
 * Implemented by the provisioning feature (which knows requests, resources and the provider plugins).
 */
public interface PolicySubjects {

    /**
     * Requests the current user may see whose name contains {@code search} (any case) or whose id starts with it,
     * newest first, one page of them: the dry-run picker searches every request, not only the newest few.
     */
    List<SubjectOption> requests(String search, int offset, int limit);

    /** A stored request as a policy input, if it exists and its provider still offers its region and offering. */
    Optional<PolicyInput> request(String requestId);

    /** Running resources as policy inputs, plus the teams and projects whose budgets to check. */
    ScanInput inventory();

    /** @param id the request id; @param label what the picker shows */
    record SubjectOption(String id, String label) {
    }
}
