package dev.burnrate.plugins.aws;

import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.provider.CatalogCloudProvider;
import org.pf4j.Extension;

/** Amazon Web Services: EC2 prices from the bundled SkyPilot catalog slice, sandbox provisioning. */
@Extension
public class AwsProvider extends CatalogCloudProvider {

    @Override
    public String id() {
        return "aws";
    }

    @Override
    public String displayName() {
        return "Amazon Web Services";
    }

    @Override
    protected String focusProviderName() {
        return "AWS";
    }

    /** Flat public list price; see SOURCES.md ("Storage"). */
    @Override
    protected StorageClass storageClass() {
        return new StorageClass("S3 Standard", 0.023, "Amazon Simple Storage Service");
    }

    @Override
    protected ProviderCatalog loadCatalog() {
        return new AwsCatalog(id()).load();
    }
}
