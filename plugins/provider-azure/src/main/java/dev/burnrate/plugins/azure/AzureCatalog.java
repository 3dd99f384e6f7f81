package dev.burnrate.plugins.azure;

import dev.burnrate.api.CatalogEdition;
import dev.burnrate.api.Region;
import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.CatalogRow;
import dev.burnrate.plugins.support.catalog.CommitmentTerms;
import dev.burnrate.plugins.support.catalog.OfferingAssembler;
import dev.burnrate.plugins.support.catalog.PricedRow;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.catalog.RegionTable;
import dev.burnrate.plugins.support.catalog.SkyPilotCatalogReader;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the Azure catalog; corrections to the source rows are listed in SOURCES.md and noted in the report. */
final class AzureCatalog {
    /** Every accelerator row and the current D/E/F CPU sizes of SkyPilot's Azure catalog v6; see SOURCES.md. */
    static final List<String> CATALOGS = List.of("azure_vms_accelerators.csv", "azure_vms_cpu_current.csv");
    static final String CORRECTED = "corrected";
    static final String UNKNOWN_ACCELERATOR = "unknown-accelerator";
    static final CommitmentTerms TERMS = new CommitmentTerms(0.40, 0.60,
            "typical Azure Reserved VM Instance levels for GPU sizes, Azure advertises up to 72% "
                    + "(https://azure.microsoft.com/pricing/reserved-vm-instances/)");

    /** Sizes whose accelerator columns are wrong or empty in the catalog, with the documented values. */
    private static final Map<String, Correction> CORRECTIONS = Map.of(
            "Standard_ND96isr_H100_v5", new Correction("H100", 8, "the ND H100 v5 series has 8 H100 GPUs"),
            "Standard_NCC40ads_H100_v5", new Correction("H100", 1, "the NCCads H100 v5 series has 1 H100 GPU"));

    private record Correction(String accelerator, int count, String reason) {
    }

    /** The source file's catalog version and commit, and the day the rows were taken from it (SOURCES.md). */
    static final CatalogEdition EDITION = new CatalogEdition("SkyPilot v6 @ 098741e", LocalDate.of(2026, 12, 7),
            "https://github.com/skypilot-org/skypilot-catalog catalogs/v6/azure/vms.csv");

    private final String providerId;

    AzureCatalog(String providerId) {
        this.providerId = providerId;
    }

    ProviderCatalog load() {
        CatalogReport report = new CatalogReport(String.join(" + ", CATALOGS));
        Map<String, Region> regions = RegionTable.read(CsvTable.readResource(AzureCatalog.class, "regions.csv"));
        List<CatalogRow> rows = new SkyPilotCatalogReader().readResources(AzureCatalog.class, CATALOGS, report);
        List<PricedRow> priced = new ArrayList<>();
        for (CatalogRow row : rows) {
            CatalogRow corrected = correct(row, report);
            if (corrected == null) {
                continue;
            }
            PricedRow p = PricedRow.of(corrected, corrected.acceleratorName(), report);
            if (p != null) {
                priced.add(p);
            }
        }
        var offerings = new OfferingAssembler(providerId, "Virtual Machines", TERMS).assemble(priced, regions, report);
        return new ProviderCatalog(regions, offerings, report);
    }

    private static CatalogRow correct(CatalogRow row, CatalogReport report) {
        Correction correction = CORRECTIONS.get(row.instanceType());
        if (correction != null) {
            report.note(row.line(), CORRECTED, row.instanceType() + ": catalog says " + row.acceleratorName() + " x"
                    + row.acceleratorCount() + "; " + correction.reason());
            return new CatalogRow(row.line(), row.instanceType(), correction.accelerator(), correction.count(),
                    row.vcpus(), row.memoryGib(), row.gpuInfo(), row.region(), row.zone(), row.price(),
                    row.spotPrice());
        }
        if (row.acceleratorName() == null && row.instanceType().startsWith("Standard_N")) {
            report.note(row.line(), UNKNOWN_ACCELERATOR, row.instanceType()
                    + " is an accelerated size but the catalog does not say which accelerator: skipped");
            return null;
        }
        return row;
    }
}
