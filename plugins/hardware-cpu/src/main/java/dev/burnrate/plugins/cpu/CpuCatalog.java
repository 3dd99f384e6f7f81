package dev.burnrate.plugins.cpu;

import dev.burnrate.plugins.support.hardware.CsvHardwareCatalog;
import org.pf4j.Extension;

/** Server CPU specs (x86 and Arm) behind the catalogs' instance types, from vendor pages. Figures and their sources are in specs.csv next to this class. */
@Extension
public class CpuCatalog extends CsvHardwareCatalog {

    public CpuCatalog() {
        super("specs.csv");
    }

    @Override
    public String id() {
        return "cpu";
    }

    @Override
    public String displayName() {
        return "Server CPUs";
    }
}
