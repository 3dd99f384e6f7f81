package dev.burnrate.engine.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class KernelMathTest {

    @Test
    void lnIsWithinTwoUlpOfStrictMathOverTheUnitInterval() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = 1.0 - random.nextDouble();
            assertWithinTwoUlp(x);
        }
    }

    @Test
    void lnIsAccurateOverManyOrdersOfMagnitude() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            assertWithinTwoUlp(Math.exp(random.nextDouble(-700, 700)));
        }
        assertThat(KernelMath.ln(1.0)).isEqualTo(0.0);
        assertWithinTwoUlp(0x1.0p-53);
        assertWithinTwoUlp(Math.nextDown(1.0));
        assertWithinTwoUlp(Math.sqrt(2));
        assertWithinTwoUlp(Double.MAX_VALUE);
    }

    private static void assertWithinTwoUlp(double x) {
        double expected = StrictMath.log(x);
        assertThat(Math.abs(KernelMath.ln(x) - expected)).as("ln(%s)", x)
                .isLessThanOrEqualTo(2 * Math.ulp(expected));
    }
}
