package dev.burnrate.portal.usage.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the API's dataset uploads.
 *
 * @param maxSize the largest body an upload may have (default 4GB); a larger one is refused with 413 and nothing is
 *                stored. The body is streamed to a temporary file, so the limit bounds disk, not memory.
 */
@ConfigurationProperties("burnrate.api.upload")
public record UploadProperties(DataSize maxSize) {

    public UploadProperties {
        maxSize = maxSize == null ? DataSize.ofGigabytes(4) : maxSize;
    }
}
