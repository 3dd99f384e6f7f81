package dev.burnrate.portal.compute;

import dev.burnrate.api.ComputeBackend;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * No plugin backends: the stand-in until the portal's plugin host provides them (then it is replaced by an
 * adapter over the plugin catalog service).
 */
@Component
class NoPluginComputeBackends implements PluginComputeBackends {

    @Override
    public List<ComputeBackend> backends() {
        return List.of();
    }
}
