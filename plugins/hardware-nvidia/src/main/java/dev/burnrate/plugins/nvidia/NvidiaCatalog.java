package dev.burnrate.plugins.nvidia;

import dev.burnrate.plugins.support.hardware.CsvHardwareCatalog;
import org.pf4j.Extension;

/** NVIDIA data-centre GPU specs (K80 to B300) from NVIDIA datasheets. Figures and their sources are in specs.csv next to this class. */
@Extension
public class NvidiaCatalog extends CsvHardwareCatalog {

    public NvidiaCatalog() {
        super("specs.csv");
    }

    @Override
    public String id() {
        return "nvidia";
    }

    @Override
    public String displayName() {
        return "NVIDIA GPUs";
    }
}
