package dev.burnrate.portal.plugin;

import dev.burnrate.api.Offering;

/**
 * An offering as the catalog shows it: the provider's offering joined to its region's facts and to the hardware
 * spec of its accelerator. Derived prices are {@code null} where they cannot be computed (no accelerator, no
 * matching spec, no BF16 figure).
 *
 * @param pricePerAcceleratorHour on-demand price divided by the accelerator count
 * @param hardwareModel           the matching hardware spec's model, or {@code null}
 * @param peakBf16Pflops          dense BF16 peak of the whole instance in PFLOP/s
 * @param pricePerBf16PflopHour   on-demand price per peak BF16 PFLOP-hour
 */
public record CatalogOffering(String pluginId, String providerId, String providerName, Offering offering,
                              String regionName, String country, String jurisdiction, boolean hipaaEligible,
                              boolean gdprAdequate, Double pricePerAcceleratorHour, String hardwareModel,
                              Double peakBf16Pflops, Double pricePerBf16PflopHour) {

    public String key() {
        return offering.key();
    }

    /** The accelerator as the hardware catalogs name it when a spec matched, else as the provider names it. */
    public String acceleratorLabel() {
        return hardwareModel != null ? hardwareModel : offering.acceleratorName();
    }
}
