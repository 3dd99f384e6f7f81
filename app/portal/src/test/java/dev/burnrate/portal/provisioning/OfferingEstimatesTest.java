package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.plugin.PluginCatalogService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.user.UserService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferingEstimatesTest {

    private final PluginCatalogService catalog = mock(PluginCatalogService.class);
    private final OfferingEstimates estimates = new OfferingEstimates(catalog, new ListPriceEstimator(),
            mock(UserService.class), mock(CurrentUser.class));

    private static CatalogOffering offering(String provider, String region, String type, int gpus, double onDemand,
                                            Double spot) {
        return new CatalogOffering(provider + "-plugin", provider, provider, new Offering(provider, type, region,
                gpus == 0 ? null : "H100", gpus, 8, 64, "compute", new Prices(onDemand, spot, null, null, null)),
                region, "X", "EU", false, true, null, gpus == 0 ? null : "H100", null, null);
    }

    private void catalogHas(List<CatalogOffering> offerings) {
        when(catalog.offerings(any(), any(), anyBoolean(), anyInt(), anyInt())).thenReturn(offerings);
    }

    private static OfferingEstimates.Job job(Integer gpus, PurchaseOption option, String instanceType) {
        return new OfferingEstimates.Job(Template.GPU_TRAINING, null, null, "H100", gpus, instanceType, option, 10.0,
                true);
    }

    @Test
    void cheapestTotalFirstThenProviderRegionAndTypeWithInstancesForTheAcceleratorCount() {
        catalogHas(List.of(offering("gcp", "eu-b", "a3-8", 8, 80, 30.0), offering("aws", "eu-b", "p5-8", 8, 80, 30.0),
                offering("aws", "eu-a", "p5-8", 8, 80, 30.0), offering("azure", "eu-a", "nd-1", 1, 9, null),
                offering("aws", "eu-a", "cpu", 0, 1, 0.5)));
        List<OfferingEstimates.OfferingEstimate> result = estimates.estimate(job(16, PurchaseOption.ON_DEMAND, null));
        // sixteen single-GPU instances (144/h) beat two eight-GPU ones (160/h); the three at 160/h tie on cost and
        // sort by provider, region and type; the CPU offering cannot train
        assertThat(result).extracting(e -> e.offering().key() + " x" + e.instances()).containsExactly(
                "azure/eu-a/nd-1 x16", "aws/eu-a/p5-8 x2", "aws/eu-b/p5-8 x2", "gcp/eu-b/a3-8 x2");
        assertThat(result.getFirst().estimate().expectedTotal()).isEqualTo(16 * 9 * 10.0);
    }

    @Test
    void leavesOutWhatIsNotSoldAsTheOptionTooManyInstancesAndOtherTypes() {
        catalogHas(List.of(offering("aws", "eu-a", "p5-8", 8, 80, 30.0), offering("azure", "eu-a", "nd-1", 1, 9, null)));
        assertThat(estimates.estimate(job(16, PurchaseOption.SPOT, null))).extracting(e -> e.offering().key())
                .containsExactly("aws/eu-a/p5-8");
        assertThat(estimates.estimate(job(65, PurchaseOption.ON_DEMAND, null))).extracting(e -> e.offering().key())
                .as("65 single-GPU instances are more than one request may ask for").containsExactly("aws/eu-a/p5-8");
        assertThat(estimates.estimate(job(null, PurchaseOption.ON_DEMAND, "nd-1"))).extracting(e -> e.instances())
                .containsExactly(1);
    }

    @Test
    void refusesAQuestionTooBroadToSimulate() {
        List<CatalogOffering> many = new ArrayList<>();
        for (int i = 0; i <= OfferingEstimates.MAX_CANDIDATES; i++) {
            many.add(offering("aws", "r" + i, "p5-8", 8, 80, 30.0));
        }
        catalogHas(many);
        assertThatThrownBy(() -> estimates.estimate(job(8, PurchaseOption.ON_DEMAND, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("narrow the job");
    }
}
