package dev.burnrate.plugins.gcp;

import dev.burnrate.api.CatalogEdition;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.provider.CatalogCloudProvider;
import java.util.Optional;
import org.pf4j.Extension;

/** Google Cloud: GPU VMs and Cloud TPUs priced from the bundled SkyPilot catalog, sandbox provisioning. */
@Extension
public class GcpProvider extends CatalogCloudProvider {

    @Override
    public String id() {
        return "gcp";
    }

    @Override
    public String displayName() {
        return "Google Cloud";
    }

    @Override
    protected String focusProviderName() {
        return "Google Cloud";
    }

    /** Flat public list price; see SOURCES.md ("Storage"). */
    @Override
    protected StorageClass storageClass() {
        return new StorageClass("Standard", 0.02, "Cloud Storage");
    }

    @Override
    public Optional<CatalogEdition> catalogEdition() {
        return Optional.of(GcpCatalog.EDITION);
    }

    @Override
    protected ProviderCatalog loadCatalog() {
        return new GcpCatalog(id()).load();
    }
}
