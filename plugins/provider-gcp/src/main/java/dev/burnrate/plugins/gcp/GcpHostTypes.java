package dev.burnrate.plugins.gcp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which GCP machine types come with which accelerators (https://cloud.google.com/compute/docs/gpus; the same table
 * as SkyPilot's {@code gcp_catalog.py}, plus the a3-edgegpu H100 hosts and the -nolssd variants the catalog contains).
 */
final class GcpHostTypes {
    /** The accelerator a host carries, named as the catalog's attachment rows name it. */
    record Attachment(String acceleratorName, int count) {
    }

    private static final Map<String, Attachment> HOSTS = new HashMap<>();

    static {
        for (int n : new int[] {1, 2, 4, 8}) {
            HOSTS.put("a2-highgpu-" + n + "g", new Attachment("A100", n));
            HOSTS.put("a2-ultragpu-" + n + "g", new Attachment("A100-80GB", n));
            HOSTS.put("a3-highgpu-" + n + "g", new Attachment("H100", n));
        }
        HOSTS.put("a2-megagpu-16g", new Attachment("A100", 16));
        HOSTS.put("a3-edgegpu-8g", new Attachment("H100", 8));
        HOSTS.put("a3-edgegpu-8g-nolssd", new Attachment("H100", 8));
        HOSTS.put("a3-megagpu-8g", new Attachment("H100-MEGA", 8));
        HOSTS.put("a3-ultragpu-8g", new Attachment("H200", 8));
        HOSTS.put("a3-ultragpu-8g-nolssd", new Attachment("H200", 8));
        HOSTS.put("a4-highgpu-8g", new Attachment("B200", 8));
        for (String size : new String[] {"4", "8", "12", "16", "32"}) {
            HOSTS.put("g2-standard-" + size, new Attachment("L4", 1));
        }
        HOSTS.put("g2-standard-24", new Attachment("L4", 2));
        HOSTS.put("g2-standard-48", new Attachment("L4", 4));
        HOSTS.put("g2-standard-96", new Attachment("L4", 8));
    }

    private GcpHostTypes() {
    }

    static Optional<Attachment> attachmentOf(String hostType) {
        return Optional.ofNullable(HOSTS.get(hostType));
    }

    /**
     * The name hardware catalogs use. "H100-MEGA" is the same H100 80GB part in an a3-megagpu host (the name is
     * the network, not the chip), so it maps to H100.
     */
    static String canonicalAccelerator(String catalogName) {
        return "H100-MEGA".equalsIgnoreCase(catalogName) ? "H100" : catalogName;
    }
}
