package dev.burnrate.plugins.awschips;

import dev.burnrate.plugins.support.hardware.CsvHardwareCatalog;
import org.pf4j.Extension;

/**
 * AWS's own machine-learning chips (Trainium, Trainium2, Inferentia, Inferentia2), per chip as EC2 counts them, from
 * the AWS Neuron architecture documentation. Figures and their sources are in specs.csv next to this class.
 */
@Extension
public class AwsChipsCatalog extends CsvHardwareCatalog {

    public AwsChipsCatalog() {
        super("specs.csv");
    }

    @Override
    public String id() {
        return "aws-chips";
    }

    @Override
    public String displayName() {
        return "AWS Trainium and Inferentia";
    }
}
