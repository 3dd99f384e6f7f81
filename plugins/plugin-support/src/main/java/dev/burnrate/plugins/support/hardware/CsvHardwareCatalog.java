package dev.burnrate.plugins.support.hardware;

import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.util.List;

/** A {@link HardwareCatalog} read once from a spec CSV bundled in the plugin (see {@link HardwareSpecTable}). */
public abstract class CsvHardwareCatalog implements HardwareCatalog {
    private final String resource;
    private volatile List<HardwareSpec> specs;

    protected CsvHardwareCatalog(String resource) {
        this.resource = resource;
    }

    @Override
    public List<HardwareSpec> specs() {
        List<HardwareSpec> result = specs;
        if (result == null) {
            result = HardwareSpecTable.read(CsvTable.readResource(getClass(), resource));
            specs = result;
        }
        return result;
    }
}
