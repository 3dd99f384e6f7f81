package dev.burnrate.plugins.support.sandbox;

import dev.burnrate.api.PurchaseOption;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A sandbox resource as kept in the plugin's state store. The provisioning schedule is fixed when it is created
 * ({@code provisioningAt}, {@code runningAt}); stop and delete times are set when they happen. Its state at any
 * instant follows from these times ({@link Timeline}), so reading a status never writes.
 *
 * @param unitPrice     USD per instance-hour for the purchase option, fixed at creation
 * @param listUnitPrice the on-demand price per instance-hour, fixed at creation (FOCUS ListCost)
 */
public record SandboxResource(String id, String requestId, String offeringKey, String instanceType, String regionId,
                              String acceleratorName, int acceleratorCount, int count, PurchaseOption option,
                              double unitPrice, double listUnitPrice, String serviceName, String name,
                              Map<String, String> tags, Instant requestedAt, Instant provisioningAt,
                              Instant runningAt, Instant stoppedAt, Instant deletedAt) {

    public SandboxResource {
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    public SandboxResource stoppedAt(Instant when) {
        return new SandboxResource(id, requestId, offeringKey, instanceType, regionId, acceleratorName,
                acceleratorCount, count, option, unitPrice, listUnitPrice, serviceName, name, tags, requestedAt,
                provisioningAt, runningAt, when, deletedAt);
    }

    public SandboxResource deletedAt(Instant when) {
        return new SandboxResource(id, requestId, offeringKey, instanceType, regionId, acceleratorName,
                acceleratorCount, count, option, unitPrice, listUnitPrice, serviceName, name, tags, requestedAt,
                provisioningAt, runningAt, stoppedAt, when);
    }

    public Timeline timeline() {
        return new Timeline(this);
    }

    /** A stable text form (Java properties) for the state store. */
    public String serialize() {
        Properties p = new Properties();
        p.setProperty("id", id);
        p.setProperty("requestId", requestId);
        p.setProperty("offeringKey", offeringKey);
        p.setProperty("instanceType", instanceType);
        p.setProperty("regionId", regionId);
        if (acceleratorName != null) {
            p.setProperty("acceleratorName", acceleratorName);
        }
        p.setProperty("acceleratorCount", Integer.toString(acceleratorCount));
        p.setProperty("count", Integer.toString(count));
        p.setProperty("option", option.name());
        p.setProperty("unitPrice", Double.toString(unitPrice));
        p.setProperty("listUnitPrice", Double.toString(listUnitPrice));
        p.setProperty("serviceName", serviceName);
        p.setProperty("name", name);
        tags.forEach((k, v) -> p.setProperty("tag." + k, v));
        putTime(p, "requestedAt", requestedAt);
        putTime(p, "provisioningAt", provisioningAt);
        putTime(p, "runningAt", runningAt);
        putTime(p, "stoppedAt", stoppedAt);
        putTime(p, "deletedAt", deletedAt);
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store writes a date comment first; drop it so equal resources serialise equally.
        return out.toString().lines().filter(line -> !line.startsWith("#")).sorted()
                .reduce("", (a, b) -> a + b + "\n");
    }

    public static SandboxResource parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> tags = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("tag.")) {
                tags.put(key.substring(4), p.getProperty(key));
            }
        }
        return new SandboxResource(required(p, "id"), required(p, "requestId"), required(p, "offeringKey"),
                required(p, "instanceType"), required(p, "regionId"), p.getProperty("acceleratorName"),
                Integer.parseInt(required(p, "acceleratorCount")), Integer.parseInt(required(p, "count")),
                PurchaseOption.valueOf(required(p, "option")), Double.parseDouble(required(p, "unitPrice")),
                Double.parseDouble(required(p, "listUnitPrice")), required(p, "serviceName"), required(p, "name"),
                tags, time(p, "requestedAt"), time(p, "provisioningAt"), time(p, "runningAt"), time(p, "stoppedAt"),
                time(p, "deletedAt"));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("stored sandbox resource lacks '" + key + "'");
        }
        return value;
    }

    private static void putTime(Properties p, String key, Instant value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static Instant time(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null ? null : Instant.parse(value);
    }
}
