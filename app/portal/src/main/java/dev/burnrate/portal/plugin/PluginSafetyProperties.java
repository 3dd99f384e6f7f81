package dev.burnrate.portal.plugin;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How strictly the portal treats plugins ({@code burnrate.plugins.*}).
 *
 * @param safeMode      load only the built-in plugins: the way back into a portal an uploaded plugin breaks
 * @param allowedSha256 when set, only plugin archives with one of these SHA-256 digests (hex) load, besides the
 *                      built-ins; uploads and jars in the plugins folder with another digest are refused
 * @param callTimeout   how long one call into a plugin may take before it is cut off and the plugin suspended
 */
@ConfigurationProperties("burnrate.plugins")
public record PluginSafetyProperties(boolean safeMode, List<String> allowedSha256, Duration callTimeout) {

    public PluginSafetyProperties {
        allowedSha256 = allowedSha256 == null ? List.of() : List.copyOf(allowedSha256);
        callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
    }
}
