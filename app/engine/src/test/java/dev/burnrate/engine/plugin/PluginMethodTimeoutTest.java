package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Methods that legitimately take long (provisioning) get their own limit instead of the short call timeout. */
class PluginMethodTimeoutTest extends PluginHostTestBase {

    @Test
    void aMethodWithItsOwnLimitIsCutOffByThatLimit() throws Exception {
        PluginHostConfig config = PluginHostConfig.defaults(pluginsDir).withCallTimeout(Duration.ofMillis(300))
                .withMethodTimeouts(Map.of("offerings", Duration.ofMillis(1500)));
        // this plugin's regions() throws, so the check calls at its start would refuse it before its calls
        host = new PluginHost(config, InMemoryPluginContext::new, (pluginId, message, suspended) -> { },
                PluginSafety.defaults().withoutSmokeCalls());
        host.start();
        upload(plugins.plugin("hanging").jar(uploads, "hanging.jar"));
        CloudProvider hanging = host.extensions(CloudProvider.class).getFirst().extension();

        long start = System.nanoTime();
        assertThatThrownBy(hanging::offerings).isInstanceOf(PluginCallException.class)
                .hasMessageContaining("did not answer within 1500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }
}
