package dev.burnrate.plugins.aws;

import dev.burnrate.api.CatalogEdition;
import dev.burnrate.api.Region;
import dev.burnrate.plugins.support.catalog.CatalogReport;
import dev.burnrate.plugins.support.catalog.CatalogRow;
import dev.burnrate.plugins.support.catalog.CommitmentTerms;
import dev.burnrate.plugins.support.catalog.GpuInfo;
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
import java.util.Optional;

/**
 * Builds the AWS catalog. AWS rows carry a {@code GpuInfo} Python dict; it fills the accelerator when the columns
 * are empty and is cross-checked when they are not (the columns win: p4de's GpuInfo says "A100" while the columns
 * say "A100-80GB", which its 81920 MiB confirm).
 */
final class AwsCatalog {
    /** Every accelerator row and the current CPU families of SkyPilot's AWS catalog v9; see SOURCES.md. */
    static final List<String> CATALOGS = List.of("aws_vms_accelerators.csv", "aws_vms_cpu_current.csv");
    static final String GPU_INFO_DISAGREES = "gpuinfo-disagrees";
    static final CommitmentTerms TERMS = new CommitmentTerms(0.40, 0.60,
            "typical AWS EC2 Savings Plan / Reserved Instance levels (no upfront), AWS advertises up to 72% "
                    + "(https://aws.amazon.com/savingsplans/compute-pricing/)");

    /** The source file's catalog version and commit, and the day the rows were taken from it (SOURCES.md). */
    static final CatalogEdition EDITION = new CatalogEdition("SkyPilot v9 @ 2c3d7ea", LocalDate.of(2026, 12, 7),
            "https://github.com/skypilot-org/skypilot-catalog catalogs/v9/aws/vms.csv");

    private final String providerId;

    AwsCatalog(String providerId) {
        this.providerId = providerId;
    }

    ProviderCatalog load() {
        CatalogReport report = new CatalogReport(String.join(" + ", CATALOGS));
        Map<String, Region> regions = RegionTable.read(CsvTable.readResource(AwsCatalog.class, "regions.csv"));
        List<CatalogRow> rows = new SkyPilotCatalogReader().readResources(AwsCatalog.class, CATALOGS, report);
        List<PricedRow> priced = new ArrayList<>();
        for (CatalogRow row : rows) {
            CatalogRow reconciled = reconcile(row, report);
            PricedRow p = PricedRow.of(reconciled, reconciled.acceleratorName(), report);
            if (p != null) {
                priced.add(p);
            }
        }
        var offerings = new OfferingAssembler(providerId, "Amazon Elastic Compute Cloud", TERMS)
                .assemble(priced, regions, report);
        return new ProviderCatalog(regions, offerings, report);
    }

    /** The row with its accelerator columns filled from, or checked against, GpuInfo. */
    static CatalogRow reconcile(CatalogRow row, CatalogReport report) {
        Optional<GpuInfo> parsed;
        try {
            parsed = GpuInfo.parse(row.gpuInfo());
        } catch (IllegalArgumentException e) {
            report.note(row.line(), GPU_INFO_DISAGREES, "GpuInfo unreadable, columns used: " + e.getMessage());
            return row;
        }
        if (parsed.isEmpty()) {
            return row;
        }
        GpuInfo info = parsed.get();
        String infoName = canonical(info);
        if (row.acceleratorName() == null) {
            return new CatalogRow(row.line(), row.instanceType(), infoName, info.count(), row.vcpus(), row.memoryGib(),
                    row.gpuInfo(), row.region(), row.zone(), row.price(), row.spotPrice());
        }
        if (!row.acceleratorName().equalsIgnoreCase(infoName) || (info.count() > 0
                && info.count() != row.acceleratorCount())) {
            report.note(row.line(), GPU_INFO_DISAGREES, "columns say " + row.acceleratorName() + " x"
                    + row.acceleratorCount() + ", GpuInfo says " + infoName + " x" + info.count() + "; columns kept");
        }
        return row;
    }

    /**
     * GpuInfo names the chip ("A100", "V100"); hardware catalogs tell the larger-memory parts apart by name, and the
     * columns spell the RTX PRO 6000 Blackwell Server Edition "RTXPRO6000" where GpuInfo says "RTX PRO Server 6000".
     */
    static String canonical(GpuInfo info) {
        if ("A100".equalsIgnoreCase(info.name()) && info.memoryMib() >= 80 * 1024 - 512) {
            return "A100-80GB";
        }
        if ("V100".equalsIgnoreCase(info.name()) && info.memoryMib() >= 32 * 1024 - 512) {
            return "V100-32GB";
        }
        if ("RTX PRO Server 6000".equalsIgnoreCase(info.name())) {
            return "RTXPRO6000";
        }
        return info.name();
    }
}
