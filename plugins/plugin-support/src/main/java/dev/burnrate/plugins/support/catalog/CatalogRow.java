package dev.burnrate.plugins.support.catalog;

/**
 * One row of a SkyPilot VM catalog, with empty cells as {@code null} and prices already cleaned of placeholders.
 *
 * @param line             line in the CSV file, for messages
 * @param instanceType     the VM type; {@code null} on GCP accelerator attachment rows
 * @param acceleratorName  as the catalog names it, or {@code null}
 * @param acceleratorCount 0 when none
 * @param vcpus            0 when the catalog does not say (TPU and attachment rows)
 * @param memoryGib        0 when the catalog does not say
 * @param gpuInfo          the raw GpuInfo text, or {@code null}
 * @param region           region id
 * @param zone             availability zone, or {@code null} (Azure rows are per region)
 * @param price            on-demand USD per hour, or {@code null} when not offered
 * @param spotPrice        spot USD per hour, or {@code null} when there is no spot offer
 */
public record CatalogRow(int line, String instanceType, String acceleratorName, int acceleratorCount, double vcpus,
                         double memoryGib, String gpuInfo, String region, String zone, Double price,
                         Double spotPrice) {

    public boolean isAttachment() {
        return instanceType == null && acceleratorName != null;
    }

    /** The row's content without its line number, to recognise verbatim duplicates. */
    public CatalogRow withoutLine() {
        return new CatalogRow(0, instanceType, acceleratorName, acceleratorCount, vcpus, memoryGib, gpuInfo, region,
                zone, price, spotPrice);
    }
}
