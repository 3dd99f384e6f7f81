package dev.burnrate.portal.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.provisioning.DraftInvalid;
import dev.burnrate.portal.provisioning.Estimate;
import dev.burnrate.portal.provisioning.OfferingEstimates;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.Template;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecsTest {

    private static final CatalogOffering P5 = new CatalogOffering("aws-plugin", "aws", "Amazon Web Services",
            new Offering("aws", "p5.48xlarge", "us-east-1", "H100", 8, 192, 2048, "Amazon Elastic Compute Cloud",
                    new Prices(98.32, 40.0, 59.0, 39.3, "derived")), "US East", "US", "US", true, false, 12.29,
            "H100", 7.9, 12.4);

    private final OfferingEstimates estimates = mock(OfferingEstimates.class);
    private final JobSpecs specs = new JobSpecs(estimates);

    private static JobSpec spec(String kind, String team, String region, String accelerator, Integer count,
                                Double hours, Map<String, String> tags) {
        return new JobSpec(kind, team, null, null, "aws", region, accelerator, count, null, hours,
                PurchaseOption.SPOT, null, null, "internal", true, true, tags);
    }

    @Test
    void fillsTheTemplatesDefaultsAndKeepsWhatWasGiven() {
        JobSpec training = specs.normalized(spec("training", null, "us-east-1", "H100", 16, 72.0, null), "ml-research");
        assertThat(training.team()).isEqualTo("ml-research");
        assertThat(training.name()).isEqualTo("api-job");
        assertThat(training.checkpointing()).isTrue();
        assertThat(training.deadlineCritical()).isFalse();
        assertThat(training.purchaseOption()).isEqualTo(PurchaseOption.SPOT);
        JobSpec inference = specs.normalized(new JobSpec("inference", "vision", null, "serve", null, null, "L4", null,
                null, null, null, null, null, null, null, null, null), "ml-research");
        assertThat(inference.team()).isEqualTo("vision");
        assertThat(inference.purchaseOption()).isEqualTo(PurchaseOption.ON_DEMAND);
        assertThat(inference.checkpointing()).isFalse();
        assertThat(inference.deadlineCritical()).isTrue();
        assertThat(inference.encrypted()).isFalse();
        assertThat(specs.job(inference).template()).isEqualTo(Template.INFERENCE_ENDPOINT);
        assertThat(specs.job(inference).durationHours()).isNull();
    }

    @Test
    void reportsEverySpecMistakeAtOnceInTheSpecsTerms() {
        assertThatThrownBy(() -> specs.normalized(new JobSpec("batch", null, null, null, null, null, null, 0, null,
                -1.0, null, null, null, null, null, null, null), null))
                .isInstanceOfSatisfying(DraftInvalid.class, e -> assertThat(e.errors())
                        .extracting(DraftInvalid.FieldError::field)
                        .containsExactly("kind", "acceleratorCount", "hours", "accelerator"));
        // an unknown kind is one mistake, not also a training run's missing hours
        assertThatThrownBy(() -> specs.normalized(spec("batch", "t", "r", "H100", 8, null, null), null))
                .isInstanceOfSatisfying(DraftInvalid.class, e -> assertThat(e.errors())
                        .extracting(DraftInvalid.FieldError::field).containsExactly("kind"));
        assertThatThrownBy(() -> specs.normalized(spec("training", "t", "r", "H100", 8, null, null), null))
                .isInstanceOfSatisfying(DraftInvalid.class, e -> assertThat(e.errors().getFirst().message())
                        .contains("planned hours"));
        assertThat(JobSpecs.inSpecTerms(List.of(new DraftInvalid.FieldError("count", "x"),
                new DraftInvalid.FieldError("durationHours", "y"), new DraftInvalid.FieldError("offering", "z"),
                new DraftInvalid.FieldError("template", "t"), new DraftInvalid.FieldError("team", "u"))))
                .extracting(DraftInvalid.FieldError::field)
                .containsExactly("acceleratorCount", "hours", "instanceType", "kind", "team");
    }

    @Test
    void aDraftTakesTheCheapestFittingOfferingAndItsInstanceCount() {
        when(estimates.estimate(any())).thenReturn(List.of(new OfferingEstimates.OfferingEstimate(P5, 2,
                new Estimate(80, 5_760, 6_000, 58_400, "simulated", "USD", 5_700))));
        JobSpecs.Drafted drafted = specs.draft(specs.normalized(
                spec("training", "ml-research", "us-east-1", "H100", 16, 72.0, Map.of("b", "2", "a", "1")), null));
        RequestDraft d = drafted.draft();
        assertThat(d.instanceType()).isEqualTo("p5.48xlarge");
        assertThat(d.count()).isEqualTo(2);
        assertThat(d.template()).isEqualTo(Template.GPU_TRAINING);
        assertThat(d.durationHours()).isEqualTo(72.0);
        assertThat(d.tags()).containsEntry("a", "1");
        assertThat(drafted.offering()).isSameAs(P5);
    }

    @Test
    void aDraftNeedsTeamAndRegionAndSaysWhenNothingFits() {
        assertThatThrownBy(() -> specs.draft(specs.normalized(spec("training", null, null, "H100", 8, 1.0, null),
                null))).isInstanceOfSatisfying(DraftInvalid.class, e -> assertThat(e.errors())
                .extracting(DraftInvalid.FieldError::field).containsExactly("team", "region"));
        when(estimates.estimate(any())).thenReturn(List.of());
        assertThatThrownBy(() -> specs.draft(specs.normalized(spec("training", "t", "us-east-1", "H100", 8, 1.0,
                null), null))).isInstanceOfSatisfying(DraftInvalid.class, e -> assertThat(e.errors().getFirst())
                .satisfies(f -> {
                    assertThat(f.field()).isEqualTo("accelerator");
                    assertThat(f.message()).contains("No H100 offering of aws in us-east-1 is sold as SPOT");
                }));
    }

    @Test
    void theFingerprintIgnoresLayoutButNotContent() {
        JobSpec a = specs.normalized(spec("training", "t", "r", "H100", 8, 10.0, Map.of("x", "1", "y", "2")), null);
        JobSpec b = specs.normalized(spec("training", "t", "r", "H100", 8, 10.0,
                new java.util.LinkedHashMap<>(Map.of("y", "2", "x", "1"))), null);
        JobSpec c = specs.normalized(spec("training", "t", "r", "H100", 16, 10.0, Map.of("x", "1", "y", "2")), null);
        assertThat(JobSpecs.fingerprint(a)).isEqualTo(JobSpecs.fingerprint(b)).hasSize(64);
        assertThat(JobSpecs.fingerprint(a)).isNotEqualTo(JobSpecs.fingerprint(c));
        // defaults written out or left to the server are the same request
        JobSpec explicit = specs.normalized(new JobSpec("training", "t", null, "api-job", "aws", "r", "H100", 8, null,
                10.0, PurchaseOption.SPOT, true, false, "internal", true, true, Map.of("x", "1", "y", "2")), null);
        assertThat(JobSpecs.fingerprint(explicit)).isEqualTo(JobSpecs.fingerprint(a));
    }
}
