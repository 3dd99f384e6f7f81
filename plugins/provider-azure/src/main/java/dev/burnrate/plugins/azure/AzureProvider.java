package dev.burnrate.plugins.azure;

import dev.burnrate.api.CatalogEdition;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.provider.CatalogCloudProvider;
import java.util.Optional;
import org.pf4j.Extension;

/** Microsoft Azure: GPU VM sizes priced from the bundled SkyPilot catalog, sandbox provisioning. */
@Extension
public class AzureProvider extends CatalogCloudProvider {

    @Override
    public String id() {
        return "azure";
    }

    @Override
    public String displayName() {
        return "Microsoft Azure";
    }

    @Override
    protected String focusProviderName() {
        return "Microsoft";
    }

    /** Flat public list price; see SOURCES.md ("Storage"). */
    @Override
    protected StorageClass storageClass() {
        return new StorageClass("Blob Hot LRS", 0.018, "Storage");
    }

    @Override
    public Optional<CatalogEdition> catalogEdition() {
        return Optional.of(AzureCatalog.EDITION);
    }

    @Override
    protected ProviderCatalog loadCatalog() {
        return new AzureCatalog(id()).load();
    }
}
