package dev.burnrate.engine.usage.query;

import dev.burnrate.engine.usage.json.UsageJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parsed form of the Tags column. Tags are stored dictionary-encoded as JSON text, and tag sets repeat
 * (every hourly row of a resource carries the same set), so the JSON is parsed once per distinct tag set, not
 * per row. For a tag key this gives an int array from Tags dictionary index to tag value id: grouping or
 * filtering by a tag then costs two array reads per row, like a dimension.
 */
public final class TagIndex {

    private final List<Map<String, String>> parsed;

    /** Builds the index from the Tags dictionary (JSON object text per entry). */
    public TagIndex(String[] tagDictionary) {
        parsed = new ArrayList<>(tagDictionary.length);
        for (String json : tagDictionary) {
            parsed.add(parse(json));
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            Map<String, String> out = new HashMap<>();
            UsageJson.parseObject(json).forEach((k, v) -> out.put(k, v == null ? null : v instanceof String s ? s
                    : UsageJson.write(v)));
            return out;
        } catch (IllegalArgumentException e) { // not a JSON object: the rows read as untagged, as before
            return Map.of();
        }
    }

    /** Every tag key that appears, sorted. */
    public List<String> keys() {
        TreeSet<String> keys = new TreeSet<>();
        parsed.forEach(m -> keys.addAll(m.keySet()));
        return List.copyOf(keys);
    }

    /** The values of one key across the dictionary. */
    public TagColumn column(String key) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> values = new ArrayList<>();
        int[] valueOf = new int[parsed.size()];
        for (int i = 0; i < valueOf.length; i++) {
            String v = parsed.get(i).get(key);
            if (v == null) {
                valueOf[i] = -1;
            } else {
                valueOf[i] = ids.computeIfAbsent(v, x -> {
                    values.add(x);
                    return values.size() - 1;
                });
            }
        }
        return new TagColumn(key, valueOf, values.toArray(String[]::new));
    }

    /**
     * One tag key as a virtual dimension.
     *
     * @param valueOf per Tags dictionary index, the value id, or -1 when the set lacks the key
     * @param values  the distinct values by id
     */
    public record TagColumn(String key, int[] valueOf, String[] values) {
        @Override
        public String toString() {
            return "TagColumn[" + key + ", " + Arrays.toString(values) + "]";
        }
    }
}
