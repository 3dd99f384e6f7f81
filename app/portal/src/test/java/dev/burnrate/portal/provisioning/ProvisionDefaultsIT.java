package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The provisioning form's defaults: the team's usual region rather than the first one alphabetically, and the
 * required tags filled with the values the team used, never an empty {@code cost-center=}.
 */
class ProvisionDefaultsIT {

    private static final ComplianceFacts FACTS = new ComplianceFacts(true, true, true, true, true);
    /** As a provider lists them, alphabetically: Hong Kong (an opt-in region) first. */
    private static final List<Region> AWS = List.of(new Region("ap-east-1", "Hong Kong", "APAC", "HK", FACTS),
            new Region("eu-north-1", "Stockholm", "EU", "EU", FACTS),
            new Region("us-east-1", "N. Virginia", "US", "US", FACTS));

    private static ActivePolicies tagging() throws Exception {
        ActivePolicies policies = mock(ActivePolicies.class);
        when(policies.load()).thenReturn(List.of(new PolicyParser(RuleRegistry.standard()).parse("""
                id: tagging-standard
                name: Tagging standard
                scope: all
                rules:
                  - type: required_tags
                    tags:
                      - key: cost-center
                        pattern: "CC-[0-9]{4}"
                      - key: owner
                      - key: env
                        allowed: [prod]
                """, 1)));
        return policies;
    }

    private static void request(DSLContext dsl, long team, String id, String region, Map<String, String> tags,
                                Instant at) {
        request(dsl, team, id, region, tags, at, RequestState.PROVISIONED);
    }

    private static void request(DSLContext dsl, long team, String id, String region, Map<String, String> tags,
                                Instant at, RequestState state) {
        long decision = new DecisionLog(dsl).record(DecisionKind.REQUEST, id, "ml-research", "eve",
                Decision.of(List.of(), List.of(), List.of()), Map.of(), at);
        RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, "ml-research", null, id, "aws", region,
                "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 24.0, "internal", tags, true, true, true, false);
        new RequestRepository(dsl).insert(id, team, "eve", draft, new Estimate(1, 24, 24, 730, "list prices"),
                state == RequestState.DENIED ? "DENY" : "ALLOW", state, false, decision, at);
    }

    private static long team(DSLContext dsl, String name) {
        return dsl.insertInto(dev.burnrate.portal.db.Tables.TEAMS).set(dev.burnrate.portal.db.Tables.TEAMS.NAME, name)
                .returning().fetchSingle().getId();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theTeamsUsualRegionElseAConfiguredOneElseAPrimaryOneNeverSimplyTheFirst(TestDatabase db) throws Exception {
        long team = team(db.dsl(), "ml-research");
        long newcomers = team(db.dsl(), "newcomers");
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        request(db.dsl(), team, "r1", "eu-north-1", Map.of(), t);
        request(db.dsl(), team, "r2", "eu-north-1", Map.of(), t.plusSeconds(60));
        request(db.dsl(), team, "r3", "us-east-1", Map.of(), t.plusSeconds(120));
        // Denied there twice: a refused request does not make a region usual.
        request(db.dsl(), team, "d1", "us-east-1", Map.of(), t.plusSeconds(180), RequestState.DENIED);
        request(db.dsl(), team, "d2", "us-east-1", Map.of(), t.plusSeconds(240), RequestState.DENIED);
        var defaults = new ProvisionDefaults(db.dsl(), tagging(), new MockEnvironment());

        assertThat(defaults.region("aws", team, AWS)).map(Region::id).contains("eu-north-1");
        assertThat(defaults.region("aws", newcomers, AWS)).map(Region::id).contains("us-east-1");
        assertThat(new ProvisionDefaults(db.dsl(), tagging(), new MockEnvironment()
                .withProperty("burnrate.provisioning.default-region.aws", "eu-north-1"))
                .region("aws", null, AWS)).map(Region::id).contains("eu-north-1");
        // An unknown provider: the first region in the EU or US, not the first in the list.
        List<Region> other = List.of(new Region("ap-x-1", "X", "APAC", "HK", FACTS),
                new Region("eu-y-1", "Y", "EU", "EU", FACTS));
        assertThat(defaults.region("sample-cloud", null, other)).map(Region::id).contains("eu-y-1");
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void requiredTagsArePrefilledWithTheTeamsLastValidValueAndNeverEmpty(TestDatabase db) throws Exception {
        long team = team(db.dsl(), "ml-research");
        long newcomers = team(db.dsl(), "newcomers");
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        request(db.dsl(), team, "r1", "eu-north-1", Map.of("cost-center", "CC-4711"), t);
        request(db.dsl(), team, "r2", "eu-north-1", Map.of("cost-center", "ask finance"), t.plusSeconds(60));
        var defaults = new ProvisionDefaults(db.dsl(), tagging(), new MockEnvironment());

        assertThat(defaults.tags("ml-research", team)).containsExactly(Map.entry("cost-center", "CC-4711"),
                Map.entry("env", "prod"));
        assertThat(defaults.tags("newcomers", newcomers)).containsExactly(Map.entry("env", "prod"));
    }
}
