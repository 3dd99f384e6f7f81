package testplugin.hardware;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Precision;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

@Extension
public class TestHardware implements HardwareCatalog {
    public String id() {
        return "test-hw";
    }

    public String displayName() {
        return "Test hardware";
    }

    public List<HardwareSpec> specs() {
        return List.of(new HardwareSpec("X1", List.of(), HardwareKind.GPU, "Test", 16, 300,
                Map.of(Precision.BF16, 100.0), 70, 0, "test https://example.com"));
    }
}
