package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.continuous.ScanInput;
import dev.burnrate.portal.policy.PolicySubjects;
import dev.burnrate.portal.security.CurrentUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Requests and running resources as policy inputs, for dry runs and continuous evaluation. */
@Component
class ProvisioningSubjects implements PolicySubjects {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSubjects.class);

    private final RequestRepository requests;
    private final ResourceRepository resources;
    private final ProviderCatalog catalog;
    private final CurrentUser currentUser;
    private final DSLContext dsl;

    ProvisioningSubjects(RequestRepository requests, ResourceRepository resources, ProviderCatalog catalog,
                         CurrentUser currentUser, DSLContext dsl) {
        this.requests = requests;
        this.resources = resources;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.dsl = dsl;
    }

    @Override
    public List<SubjectOption> requests(String search, int offset, int limit) {
        Condition matching = search.isEmpty() ? DSL.noCondition()
                : PROVISIONING_REQUESTS.NAME.containsIgnoreCase(search).or(PROVISIONING_REQUESTS.ID.startsWith(search));
        return requests.findPage(currentUser.teamScope(PROVISIONING_REQUESTS.TEAM_ID).and(matching), offset, limit)
                .stream()
                .map(r -> new SubjectOption(r.id(), r.name() + " · " + r.describe() + " · " + r.team()
                        + (r.dataClassification() == null ? "" : " · " + r.dataClassification()))).toList();
    }

    @Override
    public Optional<PolicyInput> request(String requestId) {
        return requests.find(requestId).flatMap(r -> input(r.id(), r));
    }

    @Override
    public ScanInput inventory() {
        List<PolicyInput> running = new ArrayList<>();
        for (StoredResource resource : resources.find(RESOURCES.STATE.in(ResourceState.PROVISIONING.name(),
                ResourceState.RUNNING.name()))) {
            requests.find(resource.requestId()).flatMap(r -> input(resource.id(), r)).ifPresentOrElse(running::add,
                    () -> log.warn("Resource {} cannot be checked: its provider, region or offering is gone",
                            resource.id()));
        }
        Set<String> teams = new HashSet<>(dsl.select(TEAMS.NAME).from(TEAMS).fetch(TEAMS.NAME));
        Set<String> projects = new HashSet<>(dsl.selectDistinct(PROVISIONING_REQUESTS.PROJECT)
                .from(PROVISIONING_REQUESTS).where(PROVISIONING_REQUESTS.PROJECT.isNotNull())
                .fetch(PROVISIONING_REQUESTS.PROJECT));
        return new ScanInput(running, teams, projects);
    }

    private Optional<PolicyInput> input(String subject, StoredRequest r) {
        var region = catalog.region(r.providerId(), r.regionId());
        var offering = catalog.offering(r.providerId(), r.regionId(), r.instanceType());
        if (region.isEmpty() || offering.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PolicyInputs.of(subject, r.draft(), region.get(), offering.get(), r.estimate()));
    }
}
