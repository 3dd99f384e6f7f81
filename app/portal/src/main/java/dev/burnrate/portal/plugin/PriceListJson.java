package dev.burnrate.portal.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offerings as stored JSON, field by field: the API records stay free of Jackson, and a stored list reads back the
 * same whatever Jackson thinks of records with several constructors.
 */
final class PriceListJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PriceListJson() {
    }

    static String write(List<Offering> offerings) {
        List<Map<String, Object>> rows = offerings.stream().map(PriceListJson::row).toList();
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("offerings could not be written as JSON", e);
        }
    }

    static List<Offering> read(String json) {
        try {
            List<Map<String, Object>> rows = JSON.readValue(json, new TypeReference<>() { });
            return rows.stream().map(PriceListJson::offering).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored price list is not valid JSON", e);
        }
    }

    private static Map<String, Object> row(Offering o) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("providerId", o.providerId());
        row.put("instanceType", o.instanceType());
        row.put("regionId", o.regionId());
        row.put("acceleratorName", o.acceleratorName());
        row.put("acceleratorCount", o.acceleratorCount());
        row.put("vcpus", o.vcpus());
        row.put("memoryGib", o.memoryGib());
        row.put("serviceName", o.serviceName());
        row.put("spotInterruptionsPerHour", o.spotInterruptionsPerHour());
        Prices p = o.prices();
        row.put("onDemand", p.onDemand());
        row.put("spot", p.spot());
        row.put("committed1y", p.committed1y());
        row.put("committed3y", p.committed3y());
        row.put("committedSource", p.committedSource());
        row.put("currency", p.currency());
        return row;
    }

    private static Offering offering(Map<String, Object> r) {
        Prices prices = new Prices(number(r, "onDemand"), optional(r, "spot"), optional(r, "committed1y"),
                optional(r, "committed3y"), (String) r.get("committedSource"), (String) r.get("currency"));
        return new Offering((String) r.get("providerId"), (String) r.get("instanceType"), (String) r.get("regionId"),
                (String) r.get("acceleratorName"), ((Number) r.get("acceleratorCount")).intValue(),
                number(r, "vcpus"), number(r, "memoryGib"), (String) r.get("serviceName"), prices,
                optional(r, "spotInterruptionsPerHour"));
    }

    private static double number(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).doubleValue();
    }

    private static Double optional(Map<String, Object> r, String key) {
        Object value = r.get(key);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
