package dev.burnrate.portal.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the in-memory test cloud as a provider bean. */
@TestConfiguration
public class TestCloudConfig {

    @Bean
    SandboxTestProvider sandboxTestProvider(Clock clock) {
        return new SandboxTestProvider(clock);
    }
}
