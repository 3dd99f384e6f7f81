package dev.burnrate.portal.api.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class MetricsScrapeAccessTest {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Test
    void withoutAllowedNetworksOnlyATokenWithTheReadScopeMayScrape() {
        MetricsScrapeAccess access = new MetricsScrapeAccess(List.of());
        assertThat(allowed(access, "10.1.2.3", ANONYMOUS)).isFalse();
        assertThat(allowed(access, "127.0.0.1", token("SCOPE_estimate", "ROLE_ADMIN"))).isFalse();
        assertThat(allowed(access, "10.1.2.3", token("SCOPE_read", "ROLE_ENGINEER"))).isTrue();
    }

    @Test
    void anAddressInsideAnAllowedNetworkNeedsNoToken() {
        MetricsScrapeAccess access = new MetricsScrapeAccess(List.of(" 10.0.0.0/8", "", "2001:db8::/32"));
        assertThat(allowed(access, "10.1.2.3", ANONYMOUS)).isTrue();
        assertThat(allowed(access, "2001:db8::5", ANONYMOUS)).isTrue();
        assertThat(allowed(access, "11.1.2.3", ANONYMOUS)).isFalse();
        assertThat(allowed(access, "192.168.0.1", null)).isFalse();
    }

    @Test
    void aMistypedNetworkStopsStartUpWithTheSettingNamed() {
        assertThatThrownBy(() -> new MetricsScrapeAccess(List.of("10.0.0.0/33")))
                .hasMessageContaining("burnrate.metrics.allowed-networks").hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new MetricsScrapeAccess(List.of("prometheus.internal")))
                .hasMessageContaining("burnrate.metrics.allowed-networks");
    }

    private static boolean allowed(MetricsScrapeAccess access, String address, Authentication auth) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(address);
        return access.authorize(() -> auth, new RequestAuthorizationContext(request)).isGranted();
    }

    private static Authentication token(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null,
                AuthorityUtils.createAuthorityList(authorities));
    }
}
