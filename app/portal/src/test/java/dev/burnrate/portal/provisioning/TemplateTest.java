package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Offering CPU = new Offering("aws", "c7i.4xlarge", "eu-north-1", null, 0, 16, 32, "Compute",
            new Prices(0.71, 0.3, null, null, null), null);
    private static final Offering GPU = new Offering("aws", "g5.xlarge", "eu-north-1", "A10G", 1, 4, 16, "Compute",
            new Prices(1.01, 0.4, null, null, null), null);

    @Test
    void anInferenceServiceCanRunOnCpusAsWellAsGpus() {
        assertThat(Template.INFERENCE_ENDPOINT.fits(CPU)).isTrue();
        assertThat(Template.INFERENCE_ENDPOINT.fits(GPU)).isTrue();
    }

    @Test
    void aGpuTrainingJobStillNeedsAccelerators() {
        assertThat(Template.GPU_TRAINING.fits(CPU)).isFalse();
        assertThat(Template.GPU_TRAINING.fits(GPU)).isTrue();
    }
}
