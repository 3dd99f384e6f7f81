package dev.burnrate.plugins.tpu;

import dev.burnrate.plugins.support.hardware.CsvHardwareCatalog;
import org.pf4j.Extension;

/** Google Cloud TPU specs (v3, v4, v5e, v5p, v6e) per chip from Google's TPU documentation. Figures and their sources are in specs.csv next to this class. */
@Extension
public class TpuCatalog extends CsvHardwareCatalog {

    public TpuCatalog() {
        super("specs.csv");
    }

    @Override
    public String id() {
        return "tpu";
    }

    @Override
    public String displayName() {
        return "Google Cloud TPUs";
    }
}
