package dev.burnrate.portal.simulation;

import dev.burnrate.api.HardwareSpec;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An empty catalog: the stand-in until the portal's plugin host provides offerings and hardware specs (then it
 * is replaced by an adapter over the plugin catalog service).
 */
@Component
class NoSimulationCatalog implements SimulationCatalog {

    @Override
    public List<Entry> offerings() {
        return List.of();
    }

    @Override
    public List<HardwareSpec> hardware() {
        return List.of();
    }
}
