package ${package};

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * A hardware catalog: datasheet figures for accelerators or CPUs, each citing its source. Offerings refer to a spec
 * by its model name or an alias; replace the invented accelerator below with your hardware's published figures.
 */
@Extension
public class ${classPrefix}HardwareCatalog implements HardwareCatalog {

    private static final List<HardwareSpec> SPECS = List.of(
            new HardwareSpec("${classPrefix}-X1", List.of("${classPrefix}-X1-96GB"), HardwareKind.GPU,
                    "${pluginProvider}", 96, 4_000, Map.of(Precision.BF16, 500.0, Precision.FP8, 1_000.0, Precision.FP32, 60.0), 700, 0,
                    "${classPrefix}-X1 datasheet, https://example.com/x1-datasheet.pdf"));

    @Override
    public String id() {
        return "${artifactId}";
    }

    @Override
    public String displayName() {
        return "${classPrefix} hardware";
    }

    @Override
    public List<HardwareSpec> specs() {
        return SPECS;
    }
}
