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
 * The usage engine as Spring beans: the one Arrow root allocator of the application, limited by
 * {@code burnrate.arrow.memory-limit} (closed at shutdown, which fails loudly if anything leaked), the dataset store
 * under {@code <data-dir>/datasets} with a limit per job and its shared file mappings (closed before the allocator),
 * and the query engine.
 */
@Configuration
class UsageEngineConfig {

    @Bean(destroyMethod = "close")
    BufferAllocator arrowRootAllocator(ArrowMemoryProperties memory) {
        return new RootAllocator(memory.memoryLimit().toBytes());
    }

    @Bean(destroyMethod = "close")
    DatasetStore datasetStore(BurnrateProperties properties, BufferAllocator arrowRootAllocator, Clock clock,
                              ArrowMemoryProperties memory) throws IOException {
        return new DatasetStore(properties.dataDir().resolve("datasets"), arrowRootAllocator, clock,
                memory.jobMemoryLimit().toBytes(), memory.mappedFiles());
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
