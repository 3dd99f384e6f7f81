package dev.burnrate.portal.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the Arrow memory of the usage engine ({@code burnrate.arrow.*}). Hot version files are memory-mapped
 * and count toward both limits while a job reads them.
 *
 * @param memoryLimit    all Arrow memory of the portal (the one root allocator)
 * @param jobMemoryLimit one import, transform, export or query; a job past it fails with a message naming it
 * @param mappedFiles    hot version files kept mapped between queries
 */
@ConfigurationProperties("burnrate.arrow")
public record ArrowMemoryProperties(DataSize memoryLimit, DataSize jobMemoryLimit, Integer mappedFiles) {

    public ArrowMemoryProperties {
        memoryLimit = memoryLimit == null ? DataSize.ofGigabytes(8) : memoryLimit;
        jobMemoryLimit = jobMemoryLimit == null ? DataSize.ofGigabytes(2) : jobMemoryLimit;
        mappedFiles = mappedFiles == null ? 64 : mappedFiles;
        if (jobMemoryLimit.toBytes() > memoryLimit.toBytes()) {
            throw new IllegalArgumentException("burnrate.arrow.job-memory-limit (" + jobMemoryLimit
                    + ") must not exceed burnrate.arrow.memory-limit (" + memoryLimit + ")");
        }
    }
}
