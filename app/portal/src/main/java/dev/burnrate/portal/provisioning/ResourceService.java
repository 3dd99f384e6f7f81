package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.RESOURCES;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory for /resources: everyone sees their teams' resources (ADMIN and FINANCE all); owners and ADMIN stop
 * and delete them. Stopping or deleting frees what is left of the request's budget reservation, and is audited.
 */
@Service
public class ResourceService {

    private final ResourceRepository resources;
    private final ProviderCatalog catalog;
    private final ProviderCalls calls;
    private final BudgetLedger ledger;
    private final MeteringJob metering;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ResourceService(ResourceRepository resources, ProviderCatalog catalog, ProviderCalls calls,
                           BudgetLedger ledger, MeteringJob metering, AuditService audit, CurrentUser currentUser,
                           TransactionTemplate tx, Clock clock) {
        this.resources = resources;
        this.catalog = catalog;
        this.calls = calls;
        this.ledger = ledger;
        this.metering = metering;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = tx;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<StoredResource> list() {
        return resources.find(currentUser.teamScope(RESOURCES.TEAM_ID));
    }

    /** A resource of the user's teams (ADMIN and FINANCE: any), or empty: others' resources are not revealed. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<StoredResource> find(String resourceId) {
        return resources.find(RESOURCES.ID.eq(resourceId).and(currentUser.teamScope(RESOURCES.TEAM_ID))).stream()
                .findFirst();
    }

    /** One page of {@link #list()}, newest first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<StoredResource> page(int offset, int limit) {
        return resources.findPage(currentUser.teamScope(RESOURCES.TEAM_ID), offset, limit);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public int count() {
        return resources.count(currentUser.teamScope(RESOURCES.TEAM_ID));
    }

    @PermitAll
    public StoredResource stop(String resourceId) {
        return change(resourceId, "resource.stop", "stop", provider -> provider.stop(resourceId));
    }

    @PermitAll
    public StoredResource delete(String resourceId) {
        return change(resourceId, "resource.delete", "deprovision", provider -> provider.deprovision(resourceId));
    }

    /** Meters every resource now (the schedule does it every minute); ADMIN only, for operators and tests. */
    @jakarta.annotation.security.RolesAllowed(Role.Names.ADMIN)
    public int meterNow() {
        return metering.meterAll();
    }

    private interface ProviderChange {
        ResourceStatus apply(CloudProvider provider) throws ProvisioningException;
    }

    private StoredResource change(String resourceId, String action, String method, ProviderChange change) {
        StoredResource before = resources.find(resourceId)
                .orElseThrow(() -> new ApprovalConflict("No resource " + resourceId));
        if (!before.owner().equals(currentUser.actor()) && !currentUser.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Only the owner or an administrator can change " + resourceId);
        }
        CloudProvider provider = catalog.provider(before.providerId())
                .orElseThrow(() -> new ApprovalConflict("Provider plugin '" + before.providerId() + "' is not loaded"));
        metering.meter(before);
        ResourceStatus status;
        try {
            status = calls.call(provider.id(), method, () -> change.apply(provider));
        } catch (ProvisioningException e) {
            throw new ApprovalConflict(provider.displayName() + " refused: " + e.getMessage());
        }
        tx.executeWithoutResult(s -> {
            resources.updateState(resourceId, status, clock.instant());
            if (status.state() == ResourceState.STOPPED || status.state() == ResourceState.DELETED) {
                ledger.release(before.requestId());
            }
            audit.record(action, "resource:" + resourceId, Map.of("state", before.state().name()),
                    Map.of("state", status.state().name()));
        });
        return resources.find(resourceId).orElseThrow();
    }
}
