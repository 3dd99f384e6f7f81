package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DraftValidatorTest {

    private final ProviderCalls calls = new ProviderCalls();
    private final ProviderCatalog catalog = new ProviderCatalog(
            () -> List.of(new SandboxTestProvider(Clock.systemUTC())), calls,
            dev.burnrate.portal.plugin.PriceLists.none(Clock.systemUTC()));
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
        assertThatThrownBy(() -> validator.validate(draft(Template.STORAGE_BUCKET, "eu-central-1", "c3.2xlarge", 1,
                PurchaseOption.ON_DEMAND))).hasMessageContaining("offering: Storage bucket needs a storage class");
        assertThatThrownBy(() -> validator.validate(draft(Template.NOTEBOOK, "eu-central-1", S3, 1,
                PurchaseOption.ON_DEMAND))).hasMessageContaining("offering: Notebook needs an instance type");
    }

    private static final String S3 = StorageOffering.INSTANCE_TYPE_PREFIX + "S3 Standard";

    @Test
    void aBucketResolvesItsStorageClassWithCapacityInGb() {
        var resolved = validator.validate(draft(Template.STORAGE_BUCKET, "eu-central-1", S3, 5000,
                PurchaseOption.ON_DEMAND));
        assertThat(StorageOffering.isStorage(resolved.offering())).isTrue();
        assertThat(resolved.offering().prices().onDemand() * StorageOffering.HOURS_PER_MONTH)
                .isCloseTo(0.023, org.assertj.core.api.Assertions.within(1e-12));

        assertThatThrownBy(() -> validator.validate(draft(Template.STORAGE_BUCKET, "eu-central-1", S3,
                DraftValidator.MAX_CAPACITY_GB + 1, PurchaseOption.ON_DEMAND)))
                .hasMessageContaining("count: Capacity between 1 and");
        assertThatThrownBy(() -> validator.validate(draft(Template.STORAGE_BUCKET, "eu-central-1", S3, 10,
                PurchaseOption.SPOT))).hasMessageContaining("is not sold as SPOT");
    }
}
