package dev.burnrate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void comparesNumericallyNotAlphabetically() {
        assertThat(ApiVersion.compare("1.10.0", "1.9.0")).isPositive();
        assertThat(ApiVersion.compare("1.0.0", "1.0.0-SNAPSHOT")).isZero();
        assertThat(ApiVersion.compare("0.9.9", "1.0.0")).isNegative();
    }

    @Test
    void compatibleMeansSameMajorAndNotNewer() {
        assertThat(ApiVersion.isCompatible(ApiVersion.CURRENT)).isTrue();
        assertThat(ApiVersion.isCompatible("1.0.0")).as("a plugin built for API 1.0 runs on 1.2").isTrue();
        assertThat(ApiVersion.isCompatible("1.1.0")).as("a plugin built for API 1.1 runs on 1.2").isTrue();
        assertThat(ApiVersion.isCompatible("0.9.0")).isFalse();
        assertThat(ApiVersion.isCompatible("2.0.0")).isFalse();
        assertThat(ApiVersion.isCompatible("1.99.0")).isFalse();
    }

    @Test
    void recommendedRequiresSpansTheCurrentMajor() {
        assertThat(ApiVersion.RECOMMENDED_REQUIRES).isEqualTo(">=1.3.0 & <2.0.0");
    }

    @Test
    void rejectsMalformedVersions() {
        assertThatThrownBy(() -> ApiVersion.compare("1.0", "1.0.0")).hasMessageContaining("'1.0'");
        assertThatThrownBy(() -> ApiVersion.compare("a.b.c", "1.0.0")).hasMessageContaining("'a.b.c'");
    }
}
