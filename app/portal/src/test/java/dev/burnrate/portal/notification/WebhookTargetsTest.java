package dev.burnrate.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook hosts inside the network are refused unless allowed; literal addresses, so no DNS is needed. */
class WebhookTargetsTest {

    private static final WebhookTargets DEFAULT = new WebhookTargets(false);
    private static final WebhookTargets ALLOWING = new WebhookTargets(true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "localhost", "10.1.2.3", "172.16.0.1", "172.31.255.254",
            "192.168.1.1", "169.254.169.254", "224.0.0.1", "239.255.255.250", "0.0.0.0", "100.64.0.1",
            "255.255.255.255", "[::1]", "[::]", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "[ff02::1]",
            "[::ffff:10.0.0.1]", "[::ffff:127.0.0.1]", "[::127.0.0.1]", "[64:ff9b::a9fe:a9fe]", "[2002:c0a8:101::1]"})
    void internalHostsAreRefusedByDefault(String host) {
        URI url = URI.create("http://" + host + ":8080/hook");

        assertThatThrownBy(() -> DEFAULT.check(url)).isInstanceOf(WebhookTargets.RefusedTarget.class)
                .hasMessageContaining("resolves to").hasMessageContaining("burnrate.webhooks.allow-private-targets");
        assertThatCode(() -> ALLOWING.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1",
            "[2001:4860:4860::8888]", "[2606:4700:4700::1111]", "[64:ff9b::808:808]", "[2002:808:808::1]"})
    void publicAddressesAreAllowed(String host) {
        assertThatCode(() -> DEFAULT.check(URI.create("https://" + host + "/hook"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:///hook", "http://no-such-host.invalid/hook"})
    void aUrlWithoutAResolvableHostIsRefused(String url) {
        assertThatThrownBy(() -> DEFAULT.check(URI.create(url))).isInstanceOf(WebhookTargets.RefusedTarget.class)
                .message().satisfies(m -> assertThat(m).containsAnyOf("no host", "Cannot resolve"));
    }
}
