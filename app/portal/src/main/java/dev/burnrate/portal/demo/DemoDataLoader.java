package dev.burnrate.portal.demo;

import dev.burnrate.portal.base.BurnrateProperties;
import dev.burnrate.portal.security.SystemRunner;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads every feature's demo data in demo mode. A contributor that fails stops the start with its cause. */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final BurnrateProperties properties;
    private final List<DemoDataContributor> contributors;

    DemoDataLoader(BurnrateProperties properties, List<DemoDataContributor> contributors) {
        this.properties = properties;
        this.contributors = contributors;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo()) {
            return;
        }
        contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(contributor -> {
            long start = System.nanoTime();
            SystemRunner.runAsSystem(contributor::load);
            log.info("Demo data '{}' ready in {} ms", contributor.name(), (System.nanoTime() - start) / 1_000_000);
        });
    }
}
