package dev.burnrate.portal.recommendation;

import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.Recommender;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.provisioning.ProviderCatalog;
import dev.burnrate.portal.provisioning.ResourceService;
import dev.burnrate.portal.provisioning.StoredResource;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Asks the portal's built-in and the started plugins' {@link Recommender}s for ways to spend less. Each sees only the live resources of the
 * teams the user may see (and the offerings of their regions); what it says about any other team is dropped. A
 * recommender that fails or does not answer in time is named in the report, the others' answers still shown.
 * The page asks afresh each time it opens; what the user's teams dismissed is left out and what they accepted is
 * listed apart, with the saving expected when accepted ({@link RecommendationDecisionService}).
 */
@Service
public class RecommendationService {

    private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);
    private static final Set<ResourceState> LIVE = EnumSet.of(ResourceState.REQUESTED, ResourceState.PROVISIONING,
            ResourceState.RUNNING, ResourceState.STOPPED);

    /** The source id of the portal's own recommenders (plugins' are their plugin ids, which cannot contain '('). */
    static final String BUILT_IN = "(built-in)";

    private final PluginHost host;
    private final ObjectProvider<Recommender> builtins;
    private final ResourceService resources;
    private final ProviderCatalog catalog;
    private final Clock clock;
    private final RecommendationDecisionService decisions;

    /**
     * @param builtins the portal's own recommenders: Spring beans implementing the plugin API's {@link Recommender},
     *                 asked like plugins' and shown as built in
     */
    public RecommendationService(PluginHost host, ObjectProvider<Recommender> builtins, ResourceService resources,
                                 ProviderCatalog catalog, Clock clock, RecommendationDecisionService decisions) {
        this.host = host;
        this.builtins = builtins;
        this.resources = resources;
        this.catalog = catalog;
        this.clock = clock;
        this.decisions = decisions;
    }

    @PermitAll
    public RecommendationReport recommendations() {
        RecommendationInput input = input();
        Set<String> teams = input.resources().stream().map(ResourceFacts::team).collect(Collectors.toSet());
        List<ShownRecommendation> shown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Recommender builtin : builtins.orderedStream().toList()) {
            ask(BUILT_IN, builtin, input, teams, shown, problems);
        }
        for (PluginExtension<Recommender> extension : host.extensions(Recommender.class)) {
            ask(extension.pluginId(), extension.extension(), input, teams, shown, problems);
        }
        List<RecommendationDecision> decided = decisions.decisions();
        shown.removeIf(s -> decided.stream().anyMatch(d -> d.isAbout(s)));
        shown.sort(Comparator.comparing((ShownRecommendation s) -> s.recommendation().team())
                .thenComparing(s -> -s.recommendation().monthlySavingP50())
                .thenComparing(s -> s.recommendation().key()));
        return new RecommendationReport(shown, problems, decided.stream()
                .filter(d -> d.kind() == RecommendationDecision.Kind.ACCEPTED).toList());
    }

    /** Records that the recommendation's team takes it up; it is listed as accepted from then on. */
    @PermitAll
    public RecommendationDecision accept(ShownRecommendation shown) {
        return decisions.decide(shown, RecommendationDecision.Kind.ACCEPTED);
    }

    /** Records that the recommendation's team does not want it; it stays hidden from then on. */
    @PermitAll
    public RecommendationDecision dismiss(ShownRecommendation shown) {
        return decisions.decide(shown, RecommendationDecision.Kind.DISMISSED);
    }

    /** One recommender's answer, kept to the user's teams; a failure becomes a line in the report, not an error. */
    private static void ask(String source, Recommender recommender, RecommendationInput input, Set<String> teams,
                            List<ShownRecommendation> shown, List<String> problems) {
        String name = source;
        String origin = BUILT_IN.equals(source) ? "built in" : "plugin " + source;
        try {
            name = recommender.displayName();
            List<Recommendation> answer = recommender.recommend(input);
            int dropped = 0;
            for (Recommendation r : answer == null ? List.<Recommendation>of() : answer) {
                if (r == null || !teams.contains(r.team())) {
                    dropped++;
                    continue;
                }
                shown.add(new ShownRecommendation(source, name, r,
                        r.suggestedAction() == null ? null : provisionLink(r.team(), r.suggestedAction())));
            }
            if (dropped > 0) {
                problems.add(name + " (" + origin + "): " + dropped + " recommendation(s) "
                        + "left out: they were empty or for a team you cannot see.");
            }
        } catch (RuntimeException e) {
            log.warn("Recommender {} ({}) failed: {}", name, origin, e.getMessage());
            problems.add(name + " (" + origin + ") gave no recommendations: " + e.getMessage());
        }
    }

    /** The live resources of the user's teams, and the offerings of the regions they run in. */
    private RecommendationInput input() {
        List<ResourceFacts> facts = resources.list().stream().filter(r -> LIVE.contains(r.state()))
                .map(RecommendationService::facts).toList();
        Map<String, List<Offering>> offerings = new LinkedHashMap<>();
        for (ResourceFacts r : facts) {
            offerings.computeIfAbsent(r.providerId() + "/" + r.regionId(),
                    key -> catalog.allOfferings(r.providerId(), r.regionId()));
        }
        return new RecommendationInput(clock.instant(), facts,
                offerings.values().stream().flatMap(List::stream).toList());
    }

    private static ResourceFacts facts(StoredResource r) {
        return new ResourceFacts(r.id(), r.name(), r.team(), r.project(), r.providerId(), r.regionId(),
                r.instanceType(), r.count(), r.purchaseOption(), r.hourlyCost(), r.currency(), r.state(),
                r.stateSince(), r.createdAt());
    }

    /** The Provision page prefilled with the suggestion: the ordinary path, with its estimate, policies, approval. */
    static String provisionLink(String team, ProvisionSuggestion s) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("team", team);
        query.put("provider", s.providerId());
        query.put("region", s.regionId());
        query.put("instance", s.instanceType());
        query.put("count", String.valueOf(s.count()));
        query.put("purchase", s.purchaseOption().name());
        return "provision?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
