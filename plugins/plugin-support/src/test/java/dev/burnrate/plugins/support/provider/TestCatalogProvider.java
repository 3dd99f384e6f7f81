package dev.burnrate.plugins.support.provider;

import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.CommitmentTerms;
import dev.burnrate.plugins.support.catalog.OfferingAssembler;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.catalog.RegionTable;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.util.Objects;

/** A catalog provider over a four-row test catalog. */
public class TestCatalogProvider extends CatalogCloudProvider {

    @Override
    public String id() {
        return "testcloud";
    }

    @Override
    public String displayName() {
        return "Test Cloud";
    }

    @Override
    protected String focusProviderName() {
        return "Test Cloud Inc.";
    }

    @Override
    protected ProviderCatalog loadCatalog() {
        CatalogReport report = new CatalogReport("vms.csv");
        var regions = RegionTable.read(CsvTable.readResource(TestCatalogProvider.class, "regions.csv"));
        var rows = new SkyPilotCatalogReader().read(CsvTable.readResource(TestCatalogProvider.class, "vms.csv"), report).stream()
                .map(row -> PricedRow.of(row, row.acceleratorName(), report)).filter(Objects::nonNull).toList();
        var offerings = new OfferingAssembler(id(), "Test Compute", new CommitmentTerms(0.3, 0.5, "test"))
                .assemble(rows, regions, report);
        return new ProviderCatalog(regions, offerings, report);
    }
}
