package dev.burnrate.portal.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real portal on a random port in demo mode (H2 in a fresh folder under target/). Browser and API tests extend
 * this one class, so Spring's test context cache gives them all the same running portal (the cache key includes
 * the declaring class of {@code @DynamicPropertySource} methods).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "burnrate.demo=true")
public abstract class DemoPortalTestBase {

    private static final Path DATA_DIR = Paths.get("target", "it-data", "portal-" + ProcessHandle.current().pid());

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected ApplicationContext applicationContext;

    @Autowired
    private SecurityContextHolderStrategy securityContextStrategy;

    @DynamicPropertySource
    static void portalProperties(DynamicPropertyRegistry registry) {
        registry.add("burnrate.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
    }

    /**
     * Vaadin installs each Spring context's own security-context strategy (with its own thread-local) as the global
     * one when the context starts. When another test class starts a second context in this JVM (e.g. on PostgreSQL),
     * this cached portal would read the other context's strategy through {@code SecurityContextHolder}: logged-in
     * users would look anonymous to {@code CurrentUser}, and {@code SystemRunner} would not reach method security.
     * Re-installing this portal's strategy before each test keeps both consistent.
     */
    @BeforeEach
    void useThisPortalsSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(securityContextStrategy);
    }
}
