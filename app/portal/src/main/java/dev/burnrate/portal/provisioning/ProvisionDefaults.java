package dev.burnrate.portal.provisioning;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;

import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.rules.RequiredTagsRule;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.policy.PolicyJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What a new request starts with besides its template's defaults: the region the team usually uses, and the tags
 * the enabled policies require with the values the team used last. A value that is not known is left out rather
 * than pre-filled empty (an empty {@code cost-center=} only produces a warning before the user typed anything).
 */
@Component
class ProvisionDefaults {

    /**
     * A provider's large general-purpose regions, the start for a team without history: the list of regions is
     * alphabetical, and its first entries are often opt-in or special regions (AWS's ap-east-1, af-south-1).
     */
    static final Map<String, List<String>> PRIMARY_REGIONS = Map.of(
            "aws", List.of("us-east-1", "eu-west-1", "eu-central-1", "us-west-2"),
            "gcp", List.of("us-central1", "europe-west4", "europe-west1"),
            "azure", List.of("eastus", "westeurope", "northeurope"),
            "oci", List.of("us-ashburn-1", "eu-frankfurt-1"));

    /** Requests that ran nowhere do not make a region usual (a request denied for its region least of all). */
    private static final List<String> REFUSED = List.of(RequestState.DENIED.name(), RequestState.REJECTED.name(),
            RequestState.FAILED.name());

    private final DSLContext dsl;
    private final ActivePolicies policies;
    private final Environment environment;

    ProvisionDefaults(DSLContext dsl, ActivePolicies policies, Environment environment) {
        this.dsl = dsl;
        this.policies = policies;
        this.environment = environment;
    }

    /**
     * The team's most requested region of the provider (requests that were not refused); else
     * {@code burnrate.provisioning.default-region.<provider>}; else the provider's first primary region offered;
     * else the first offered region in the EU or US; else the first.
     */
    Optional<Region> region(String providerId, Long teamId, List<Region> offered) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        if (teamId != null) {
            List<String> used = dsl.select(PROVISIONING_REQUESTS.REGION_ID).from(PROVISIONING_REQUESTS)
                    .where(PROVISIONING_REQUESTS.TEAM_ID.eq(teamId)
                            .and(PROVISIONING_REQUESTS.PROVIDER_ID.eq(providerId))
                            .and(PROVISIONING_REQUESTS.STATE.notIn(REFUSED)))
                    .groupBy(PROVISIONING_REQUESTS.REGION_ID)
                    .orderBy(DSL.count().desc(), DSL.max(PROVISIONING_REQUESTS.CREATED_AT).desc())
                    .fetch(PROVISIONING_REQUESTS.REGION_ID);
            Optional<Region> usual = firstOffered(used, offered);
            if (usual.isPresent()) {
                return usual;
            }
        }
        String configured = environment.getProperty("burnrate.provisioning.default-region." + providerId);
        return firstOffered(configured == null ? List.of() : List.of(configured), offered)
                .or(() -> firstOffered(PRIMARY_REGIONS.getOrDefault(providerId, List.of()), offered))
                .or(() -> offered.stream().filter(r -> "EU".equals(r.jurisdiction()) || "US".equals(r.jurisdiction()))
                        .findFirst())
                .or(() -> Optional.of(offered.getFirst()));
    }

    private static Optional<Region> firstOffered(List<String> ids, List<Region> offered) {
        return ids.stream().flatMap(id -> offered.stream().filter(r -> r.id().equals(id))).findFirst();
    }

    /**
     * The tags the enabled policies concerning the team require, each with the value of the team's newest request
     * that had a valid one, or the one value a policy allows; tags without a known value are left out.
     */
    Map<String, String> tags(String team, Long teamId) {
        List<Map<String, Object>> past = teamId == null ? List.of() : dsl.select(PROVISIONING_REQUESTS.TAGS_JSON)
                .from(PROVISIONING_REQUESTS).where(PROVISIONING_REQUESTS.TEAM_ID.eq(teamId))
                .orderBy(PROVISIONING_REQUESTS.CREATED_AT.desc()).limit(50)
                .fetch(r -> PolicyJson.readMap(r.value1()));
        Map<String, String> tags = new LinkedHashMap<>();
        for (Policy policy : policies.load()) {
            if (team != null && !policy.scope().mayConcernTeam(team)) {
                continue;
            }
            policy.rules().stream().filter(RequiredTagsRule.class::isInstance).map(RequiredTagsRule.class::cast)
                    .flatMap(rule -> rule.tags().stream())
                    .forEach(required -> value(required, past).ifPresent(v -> tags.putIfAbsent(required.key(), v)));
        }
        return tags;
    }

    private static Optional<String> value(RequiredTagsRule.TagRequirement required, List<Map<String, Object>> past) {
        Optional<String> used = past.stream().map(tags -> tags.get(required.key())).filter(Objects::nonNull)
                .map(String::valueOf).filter(v -> valid(required, v)).findFirst();
        return used.or(() -> required.allowed().size() == 1 ? Optional.of(required.allowed().getFirst())
                : Optional.empty());
    }

    private static boolean valid(RequiredTagsRule.TagRequirement required, String value) {
        if (value.isBlank()) {
            return false;
        }
        if (!required.allowed().isEmpty()) {
            return required.allowed().contains(value);
        }
        return required.pattern() == null || required.pattern().matcher(value).matches();
    }
}
