package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DraftValidatorTest {

    private final ProviderCalls calls = new ProviderCalls();
    private final ProviderCatalog catalog = new ProviderCatalog(
            () -> List.of(new SandboxTestProvider(Clock.systemUTC())), calls);
    private final DraftValidator validator = new DraftValidator(catalog);

    @AfterEach
    void close() {
        calls.close();
    }

    private static RequestDraft draft(Template template, String region, String type, int count, PurchaseOption option) {
        return new RequestDraft(template, "ml-research", null, "train-1", "aws", region, type, count, option, 24.0,
                "personal-eu", Map.of("owner", "eve"), true, true, true, false);
    }

    @Test
    void aCompleteDraftResolvesItsRegionAndOffering() {
        var resolved = validator.validate(draft(Template.GPU_TRAINING, "eu-north-1", "p5.48xlarge", 2,
                PurchaseOption.SPOT));

        assertThat(resolved.region().jurisdiction()).isEqualTo("EU");
        assertThat(resolved.offering().acceleratorName()).isEqualTo("H100");
    }

    @Test
    void everyMistakeIsReportedWithItsField() {
        RequestDraft broken = new RequestDraft(Template.GPU_TRAINING, "", null, "Train 1", "aws", "eu-central-1",
                "c3.2xlarge", 65, PurchaseOption.ON_DEMAND, 0.0, "secret", Map.of("bad key!", "x"), true, true, true,
                false);

        assertThatThrownBy(() -> validator.validate(broken)).isInstanceOfSatisfying(DraftInvalid.class,
                e -> assertThat(e.errors()).extracting(DraftInvalid.FieldError::field).containsExactly("team", "name",
                        "count", "durationHours", "dataClassification", "tags", "offering"));
    }

    @Test
    void offeringsMustExistInTheRegionAndBeSoldThatWay() {
        assertThatThrownBy(() -> validator.validate(draft(Template.GPU_TRAINING, "eu-central-1", "p5.48xlarge", 1,
                PurchaseOption.ON_DEMAND))).hasMessageContaining("offering: Pick an instance type offered in eu-central-1");
        assertThatThrownBy(() -> validator.validate(draft(Template.GPU_TRAINING, "eu-north-1", "p5.48xlarge", 1,
                PurchaseOption.COMMITTED_3Y))).hasMessageContaining("is not sold as COMMITTED_3Y");
        assertThatThrownBy(() -> validator.validate(draft(Template.GPU_TRAINING, "mars-1", "p5.48xlarge", 1,
                PurchaseOption.ON_DEMAND))).hasMessageContaining("region: Pick a region of aws");
        assertThatThrownBy(() -> validator.validate(draft(Template.STORAGE_BUCKET, "eu-north-1", "c3.2xlarge", 1,
                PurchaseOption.ON_DEMAND))).hasMessageContaining("no provider plugin offers storage yet");
    }
}
