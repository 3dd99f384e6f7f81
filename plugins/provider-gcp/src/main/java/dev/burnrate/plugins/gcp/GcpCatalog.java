package dev.burnrate.plugins.gcp;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the GCP catalog: host rows plus accelerator attachment rows summed per zone, TPU slices as their own
 * offerings, the 700.0 TPU placeholder treated as "not available". See SOURCES.md next to the catalog.
 */
final class GcpCatalog {
    /** Accelerator hosts, attachments and TPUs, and the current CPU families of SkyPilot's GCP catalog v9. */
    static final List<String> CATALOGS = List.of("gcp_vms_accelerators.csv", "gcp_vms_cpu_current.csv");
    static final String NO_HOST = "attachment-without-host";
    static final String NO_ATTACHMENT = "host-without-attachment";
    static final double TPU_PLACEHOLDER = 700.0;
    static final CommitmentTerms GPU_TERMS = new CommitmentTerms(0.37, 0.55,
            "Compute Engine resource-based committed use discounts "
                    + "(https://cloud.google.com/compute/docs/instances/committed-use-discounts-overview)");
    static final CommitmentTerms TPU_TERMS = new CommitmentTerms(0.30, 0.55,
            "Cloud TPU 1- and 3-year commitment prices (https://cloud.google.com/tpu/pricing)");

    /** The source file's catalog version and commit, and the day the rows were taken from it (SOURCES.md). */
    static final CatalogEdition EDITION = new CatalogEdition("SkyPilot v9 @ 2c3d7ea", LocalDate.of(2026, 12, 7),
            "https://github.com/skypilot-org/skypilot-catalog catalogs/v9/gcp/vms.csv");

    private final String providerId;

    GcpCatalog(String providerId) {
        this.providerId = providerId;
    }

    ProviderCatalog load() {
        CatalogReport report = new CatalogReport(String.join(" + ", CATALOGS));
        Map<String, Region> regions = RegionTable.read(CsvTable.readResource(GcpCatalog.class, "regions.csv"));
        var reader = new SkyPilotCatalogReader(TPU_PLACEHOLDER, GcpCatalog::isTpu);
        List<CatalogRow> rows = reader.readResources(GcpCatalog.class, CATALOGS, report);

        Map<String, CatalogRow> attachments = new HashMap<>();
        for (CatalogRow row : rows) {
            if (row.isAttachment() && !isTpu(row)) {
                attachments.put(attachmentKey(row.acceleratorName(), row.acceleratorCount(), row.zone()), row);
            }
        }
        Set<CatalogRow> usedAttachments = new HashSet<>();
        List<PricedRow> priced = new ArrayList<>();
        for (CatalogRow row : rows) {
            PricedRow result = null;
            if (isTpu(row)) {
                result = tpu(row, report);
            } else if (!row.isAttachment()) {
                result = host(row, attachments, usedAttachments, report);
            }
            if (result != null) {
                priced.add(result);
            }
        }
        for (CatalogRow row : rows) {
            if (row.isAttachment() && !isTpu(row) && !usedAttachments.contains(row)) {
                report.note(row.line(), NO_HOST, row.acceleratorName() + " x" + row.acceleratorCount() + " in "
                        + row.zone() + " has no host machine row in the catalog, so no whole-VM price: skipped");
            }
        }
        var offerings = new OfferingAssembler(providerId,
                row -> row.instanceType().startsWith("tpu-") ? "Cloud TPU" : "Compute Engine",
                row -> row.instanceType().startsWith("tpu-") ? TPU_TERMS : GPU_TERMS).assemble(priced, regions, report);
        return new ProviderCatalog(regions, offerings, report);
    }

    private static PricedRow host(CatalogRow host, Map<String, CatalogRow> attachments, Set<CatalogRow> used,
                                  CatalogReport report) {
        var attachment = GcpHostTypes.attachmentOf(host.instanceType());
        if (attachment.isEmpty()) {
            return PricedRow.of(host, null, report);
        }
        CatalogRow gpu = attachments.get(attachmentKey(attachment.get().acceleratorName(), attachment.get().count(),
                host.zone()));
        if (gpu == null) {
            report.note(host.line(), NO_ATTACHMENT, host.instanceType() + " in " + host.zone() + " needs "
                    + attachment.get().acceleratorName() + " x" + attachment.get().count()
                    + " but the catalog has no such accelerator row in that zone: skipped");
            return null;
        }
        used.add(gpu);
        if (host.price() == null || gpu.price() == null) {
            report.note(host.line(), PricedRow.NO_PRICE, host.instanceType() + " in " + host.zone()
                    + ": host or accelerator has no on-demand price, skipped");
            return null;
        }
        Double spot = host.spotPrice() == null || gpu.spotPrice() == null ? null : host.spotPrice() + gpu.spotPrice();
        return new PricedRow(host.line(), host.instanceType(), host.region(), host.zone(),
                GcpHostTypes.canonicalAccelerator(gpu.acceleratorName()), gpu.acceleratorCount(), host.vcpus(),
                host.memoryGib(), host.price() + gpu.price(), spot);
    }

    private static PricedRow tpu(CatalogRow row, CatalogReport report) {
        TpuSlice slice = TpuSlice.parse(row.acceleratorName());
        CatalogRow named = new CatalogRow(row.line(), row.acceleratorName(), slice.accelerator(), slice.chips(),
                row.vcpus(), row.memoryGib(), row.gpuInfo(), row.region(), row.zone(), row.price(), row.spotPrice());
        return PricedRow.of(named, slice.accelerator(), report);
    }

    static boolean isTpu(CatalogRow row) {
        return row.acceleratorName() != null && row.acceleratorName().toLowerCase(java.util.Locale.ROOT).startsWith("tpu-");
    }

    private static String attachmentKey(String accelerator, int count, String zone) {
        return accelerator + "|" + count + "|" + zone;
    }
}
