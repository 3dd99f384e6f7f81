package dev.burnrate.portal.plugin;

/**
 * What the catalog grid shows; {@code null} fields do not filter.
 *
 * @param providerId    a provider's id, e.g. {@code aws}
 * @param regionId      a region id
 * @param accelerator   an accelerator (hardware model or provider name, case-insensitive)
 * @param jurisdiction  e.g. {@code EU}
 * @param hipaaOnly     only regions where the provider's compute is HIPAA-eligible
 * @param acceleratedOnly only offerings with accelerators
 */
public record CatalogFilter(String providerId, String regionId, String accelerator, String jurisdiction,
                            boolean hipaaOnly, boolean acceleratedOnly) {

    public static final CatalogFilter ALL = new CatalogFilter(null, null, null, null, false, false);

    boolean matches(CatalogOffering o) {
        return (providerId == null || providerId.equals(o.providerId()))
                && (regionId == null || regionId.equals(o.offering().regionId()))
                && (accelerator == null || accelerator.equalsIgnoreCase(o.acceleratorLabel())
                        || accelerator.equalsIgnoreCase(o.offering().acceleratorName()))
                && (jurisdiction == null || jurisdiction.equals(o.jurisdiction()))
                && (!hipaaOnly || o.hipaaEligible())
                && (!acceleratedOnly || o.offering().hasAccelerator());
    }
}
