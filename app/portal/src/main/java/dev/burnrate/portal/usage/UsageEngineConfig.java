package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.StorageTiers;
import dev.burnrate.engine.usage.store.Transforms;
import dev.burnrate.portal.base.BurnrateProperties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Clock;

/**
 * The usage engine as Spring beans: the one Arrow root allocator of the application (closed at shutdown, which
 * fails loudly if anything leaked), the dataset store under {@code <data-dir>/datasets} and the query engine.
 */
@Configuration
class UsageEngineConfig {

    @Bean(destroyMethod = "close")
    BufferAllocator arrowRootAllocator() {
        return new RootAllocator();
    }

    @Bean
    DatasetStore datasetStore(BurnrateProperties properties, BufferAllocator arrowRootAllocator, Clock clock)
            throws IOException {
        return new DatasetStore(properties.dataDir().resolve("datasets"), arrowRootAllocator, clock);
    }

    @Bean
    QueryEngine queryEngine() {
        return new QueryEngine();
    }

    @Bean
    FileImports fileImports(DatasetStore store) {
        return new FileImports(store);
    }

    @Bean
    Transforms transforms(DatasetStore store) {
        return new Transforms(store);
    }

    @Bean
    StorageTiers storageTiers(DatasetStore store) {
        return new StorageTiers(store);
    }
}
