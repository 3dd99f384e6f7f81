package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeBadgeTest {

    @Test
    void anUnknownRequestSaysWhatThePortalIsWaitingFor() {
        var badge = OutcomeBadge.of(RequestState.UNKNOWN.name());

        assertThat(badge.getText()).isEqualTo("WAITING FOR PROVIDER");
        assertThat(badge.getElement().getThemeList()).contains("warning");
        assertThat(badge.getElement().getAttribute("data-value")).isEqualTo("UNKNOWN");
    }
}
