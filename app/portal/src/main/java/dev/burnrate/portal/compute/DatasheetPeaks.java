package dev.burnrate.portal.compute;

import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import dev.burnrate.portal.plugin.PluginCatalogService;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The hardware plugins' datasheet for a backend's device, matched by name: a device called "NVIDIA H200" is the
 * spec whose model or alias is the word "H200". The longest matching name wins ("A100-80GB" over "A100").
 */
@Component
public class DatasheetPeaks {

    private final PluginCatalogService catalog;

    public DatasheetPeaks(PluginCatalogService catalog) {
        this.catalog = catalog;
    }

    /** The spec describing {@code device}, if a hardware plugin has one. */
    public Optional<HardwareSpec> forDevice(DeviceInfo device) {
        return match(device.name(), catalog.hardware());
    }

    static Optional<HardwareSpec> match(String deviceName, List<HardwareSpec> specs) {
        String name = deviceName.toLowerCase(Locale.ROOT);
        return specs.stream().filter(spec -> spec.peak(Precision.FP32) > 0)
                .filter(spec -> longestName(spec, name) > 0)
                .max(Comparator.comparingInt(spec -> longestName(spec, name)));
    }

    private static int longestName(HardwareSpec spec, String deviceName) {
        return Stream.concat(Stream.of(spec.model()), spec.aliases().stream())
                .map(n -> n.toLowerCase(Locale.ROOT))
                .filter(n -> Pattern.compile("(^|[^a-z0-9])" + Pattern.quote(n) + "([^a-z0-9]|$)")
                        .matcher(deviceName).find())
                .mapToInt(String::length).max().orElse(0);
    }
}
