package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.StorageOffering;

/**
 * The self-service catalog: what can be requested, and the defaults its form starts with.
 *
 * @param durationHours    default planned duration; null for things that run until stopped
 * @param checkpointing    whether the workload usually checkpoints
 * @param needsAccelerator only offerings with accelerators fit
 */
public enum Template {
    GPU_TRAINING("GPU training job", "A training run on GPU instances for a planned number of hours.", 72.0,
            PurchaseOption.ON_DEMAND, true, true, false),
    // CPU offerings too: small models and batch-light services are served on CPUs, often far cheaper.
    INFERENCE_ENDPOINT("Inference endpoint", "GPU or CPU instances serving a model until stopped.", null,
            PurchaseOption.ON_DEMAND, false, false, true),
    NOTEBOOK("Notebook", "An interactive notebook instance for a working day.", 8.0, PurchaseOption.ON_DEMAND,
            false, false, false),
    STORAGE_BUCKET("Storage bucket", "Object storage for datasets and checkpoints.", null, PurchaseOption.ON_DEMAND,
            false, false, false);

    private final String title;
    private final String description;
    private final Double durationHours;
    private final PurchaseOption purchaseOption;
    private final boolean checkpointing;
    private final boolean needsAccelerator;
    private final boolean deadlineCritical;

    Template(String title, String description, Double durationHours, PurchaseOption purchaseOption,
             boolean checkpointing, boolean needsAccelerator, boolean deadlineCritical) {
        this.title = title;
        this.description = description;
        this.durationHours = durationHours;
        this.purchaseOption = purchaseOption;
        this.checkpointing = checkpointing;
        this.needsAccelerator = needsAccelerator;
        this.deadlineCritical = deadlineCritical;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Double durationHours() {
        return durationHours;
    }

    public PurchaseOption purchaseOption() {
        return purchaseOption;
    }

    public boolean checkpointing() {
        return checkpointing;
    }

    public boolean deadlineCritical() {
        return deadlineCritical;
    }

    /** A bucket: its offering is a storage class and its count is the capacity in GB. */
    public boolean isStorage() {
        return this == STORAGE_BUCKET;
    }

    /** Buckets take storage offerings only, the compute templates never. */
    public boolean fits(Offering offering) {
        if (isStorage() != StorageOffering.isStorage(offering)) {
            return false;
        }
        return !needsAccelerator || offering.hasAccelerator();
    }
}
