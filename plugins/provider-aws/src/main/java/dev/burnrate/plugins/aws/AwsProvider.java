package dev.burnrate.plugins.aws;

import dev.burnrate.api.CatalogEdition;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.provider.CatalogCloudProvider;
import java.util.Optional;
import org.pf4j.Extension;

/** Amazon Web Services: EC2 prices from the bundled SkyPilot catalog, sandbox provisioning. */
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
    public Optional<CatalogEdition> catalogEdition() {
        return Optional.of(AwsCatalog.EDITION);
    }

    @Override
    protected ProviderCatalog loadCatalog() {
        return new AwsCatalog(id()).load();
    }
}
