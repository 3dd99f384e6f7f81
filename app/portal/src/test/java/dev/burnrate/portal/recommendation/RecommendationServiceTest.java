package dev.burnrate.portal.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.Recommender;
import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.provisioning.ProviderCatalog;
import dev.burnrate.portal.provisioning.ResourceService;
import dev.burnrate.portal.provisioning.StoredResource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Recommenders see only the live resources the user may see; what they say about other teams is dropped, a failing
 * one is named and the others still answer, and a suggestion becomes a prefilled Provision link.
 */
class RecommendationServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Offering G5 = new Offering("aws", "g5.12xlarge", "eu-central-1", "A10G", 4, 48, 192,
            "Amazon Elastic Compute Cloud", new Prices(7.09, 3.12, null, null, "catalog"));

    private final PluginHost host = mock(PluginHost.class);
    private final ResourceService resources = mock(ResourceService.class);
    private final ProviderCatalog catalog = mock(ProviderCatalog.class);
    private final List<RecommendationInput> seen = new ArrayList<>();
    private final List<Recommender> builtins = new ArrayList<>();
    private final RecommendationDecisionService decisions = mock(RecommendationDecisionService.class);
    private final RecommendationService service = new RecommendationService(host, builtIns(builtins), resources,
            catalog, Clock.fixed(NOW, ZoneOffset.UTC), decisions);

    /** The portal's own recommenders as Spring hands them over: whatever the list holds when asked. */
    @SuppressWarnings("unchecked")
    private static ObjectProvider<Recommender> builtIns(List<Recommender> list) {
        ObjectProvider<Recommender> provider = mock(ObjectProvider.class);
        when(provider.orderedStream()).thenAnswer(call -> list.stream());
        return provider;
    }

    private static StoredResource resource(String id, String team, ResourceState state) {
        return new StoredResource(id, "req-" + id, 1, team, null, "ada", id, "aws", "eu-central-1", "g5.12xlarge", 1,
                PurchaseOption.ON_DEMAND, 7.09, "USD", state, NOW.minusSeconds(7200), null, null, Map.of(),
                NOW.minusSeconds(7200));
    }

    private static Recommendation advice(String key, String team, double p50, ProvisionSuggestion suggestion) {
        return new Recommendation(key, team, "Advice " + key, List.of("because"), p50, p50 / 2, p50 * 2, "USD",
                Recommendation.Risk.LOW, suggestion);
    }

    private PluginExtension<Recommender> recommender(String plugin, Function<RecommendationInput,
            List<Recommendation>> answer) {
        return new PluginExtension<>(plugin, new Recommender() {
            public String id() {
                return plugin;
            }

            public String displayName() {
                return "Recommender " + plugin;
            }

            public List<Recommendation> recommend(RecommendationInput input) {
                seen.add(input);
                return answer.apply(input);
            }
        });
    }

    @Test
    void recommendersSeeTheUsersLiveResourcesAndOtherTeamsAdviceIsDropped() {
        when(resources.list()).thenReturn(List.of(resource("i-1", "inference", ResourceState.RUNNING),
                resource("i-2", "inference", ResourceState.DELETED)));
        when(catalog.allOfferings("aws", "eu-central-1")).thenReturn(List.of(G5));
        var suggestion = new ProvisionSuggestion("aws", "eu-central-1", "g5.12xlarge", 1, PurchaseOption.SPOT);
        when(host.extensions(Recommender.class)).thenReturn(List.of(
                recommender("broken", input -> {
                    throw new IllegalStateException("timed out");
                }),
                recommender("good", input -> List.of(advice("small", "inference", 10, null),
                        advice("big", "inference", 900, suggestion), advice("secret", "ml-research", 5000, null)))));

        RecommendationReport report = service.recommendations();

        assertThat(seen).allSatisfy(input -> {
            assertThat(input.resources()).extracting(r -> r.resourceId()).containsExactly("i-1");
            assertThat(input.offerings()).containsExactly(G5);
            assertThat(input.now()).isEqualTo(NOW);
        });
        assertThat(report.recommendations()).extracting(s -> s.recommendation().key()).containsExactly("big", "small");
        assertThat(report.recommendations().getFirst().provisionLink()).isEqualTo(
                "provision?team=inference&provider=aws&region=eu-central-1&instance=g5.12xlarge&count=1&purchase=SPOT");
        assertThat(report.recommendations().get(1).provisionLink()).isNull();
        assertThat(report.problems()).hasSize(2);
        assertThat(report.problems().get(0)).contains("Recommender broken").contains("timed out");
        assertThat(report.problems().get(1)).contains("1 recommendation(s) left out");
    }

    @Test
    void builtInRecommendersAreAskedLikePluginsAndShownAsBuiltIn() {
        when(resources.list()).thenReturn(List.of(resource("i-1", "inference", ResourceState.RUNNING)));
        when(catalog.allOfferings("aws", "eu-central-1")).thenReturn(List.of(G5));
        when(host.extensions(Recommender.class)).thenReturn(List.of());
        builtins.add(recommender("portal", input -> List.of(advice("idle", "inference", 120, null),
                advice("hidden", "ml-research", 99, null))).extension());

        RecommendationReport report = service.recommendations();

        assertThat(report.recommendations()).singleElement().satisfies(shown -> {
            assertThat(shown.recommendation().key()).isEqualTo("idle");
            assertThat(shown.pluginId()).isEqualTo(RecommendationService.BUILT_IN);
        });
        assertThat(report.problems()).singleElement().asString().contains("built in").contains("left out");
    }

    @Test
    void dismissedRecommendationsStayHiddenAndAcceptedOnesAreListedApartWithTheirExpectedSaving() {
        when(resources.list()).thenReturn(List.of(resource("i-1", "inference", ResourceState.RUNNING)));
        when(catalog.allOfferings("aws", "eu-central-1")).thenReturn(List.of(G5));
        when(host.extensions(Recommender.class)).thenReturn(List.of(recommender("good", input -> List.of(
                advice("keep", "inference", 10, null), advice("dismissed", "inference", 20, null),
                advice("accepted", "inference", 30, null)))));
        var dismissed = decision("good", "dismissed", RecommendationDecision.Kind.DISMISSED, 20);
        var accepted = decision("good", "accepted", RecommendationDecision.Kind.ACCEPTED, 30);
        var otherRecommender = decision("other", "keep", RecommendationDecision.Kind.DISMISSED, 10);
        when(decisions.decisions()).thenReturn(List.of(dismissed, accepted, otherRecommender));

        RecommendationReport report = service.recommendations();

        assertThat(report.recommendations()).extracting(s -> s.recommendation().key())
                .as("a decision about another recommender's 'keep' does not hide this one").containsExactly("keep");
        assertThat(report.accepted()).containsExactly(accepted);
    }

    private static RecommendationDecision decision(String source, String key, RecommendationDecision.Kind kind,
                                                   double saving) {
        return new RecommendationDecision(1, 7, "inference", source, key, kind, "Advice " + key, saving, "USD", "ada",
                NOW, null, null);
    }
}
