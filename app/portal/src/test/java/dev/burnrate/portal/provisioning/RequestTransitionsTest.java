package dev.burnrate.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestTransitionsTest {

    @Test
    void onlyADefiniteAnswerEndsAProviderCall() {
        assertThat(RequestTransitions.allowed(RequestState.PROVISIONING, RequestState.UNKNOWN)).isTrue();
        assertThat(RequestTransitions.allowed(RequestState.UNKNOWN, RequestState.PROVISIONED)).isTrue();
        assertThat(RequestTransitions.allowed(RequestState.UNKNOWN, RequestState.FAILED)).isTrue();
        assertThat(RequestTransitions.allowed(RequestState.APPROVED, RequestState.PROVISIONING)).isTrue();
    }

    @Test
    void finalStatesNeverMoveAndNothingSkipsTheProviderCall() {
        for (RequestState last : RequestState.values()) {
            if (last.isFinal()) {
                for (RequestState next : RequestState.values()) {
                    assertThat(RequestTransitions.allowed(last, next)).as(last + " -> " + next).isFalse();
                }
            }
        }
        assertThat(RequestTransitions.allowed(RequestState.APPROVED, RequestState.PROVISIONED)).isFalse();
        assertThat(RequestTransitions.allowed(RequestState.UNKNOWN, RequestState.PROVISIONING)).isFalse();
        assertThatThrownBy(() -> RequestTransitions.check(RequestState.FAILED, RequestState.PROVISIONED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED to PROVISIONED");
    }
}
