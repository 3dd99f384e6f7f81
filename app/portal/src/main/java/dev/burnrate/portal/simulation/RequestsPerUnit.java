package dev.burnrate.portal.simulation;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests one unit of a FOCUS {@code ConsumedUnit} is, where its name says: "Requests" and "API Requests"
 * count requests, "1K Requests" a thousand of them, "Tokens" and "1M Tokens" count tokens (so a unit is that many
 * tokens over the tokens per request). Anything else (instance-hours, GB) says nothing about requests.
 */
final class RequestsPerUnit {

    /** An optional count and k/m multiplier in front of the unit's name: "1K Tokens", "1000 requests", "1 M tokens". */
    private static final Pattern COUNTED = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*([km]?)\\s+(.+)$");

    private RequestsPerUnit() {
    }

    static OptionalDouble guess(String unit, double tokensPerRequest) {
        if (unit == null) {
            return OptionalDouble.empty();
        }
        String name = unit.trim().toLowerCase(Locale.ROOT);
        double count = 1;
        Matcher m = COUNTED.matcher(name);
        if (m.matches()) {
            count = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                case "k" -> 1e3;
                case "m" -> 1e6;
                default -> 1;
            };
            name = m.group(3);
        }
        if (name.contains("token")) {
            return tokensPerRequest > 0 ? OptionalDouble.of(count / tokensPerRequest) : OptionalDouble.empty();
        }
        if (name.contains("request") || name.contains("invocation") || name.equals("calls")) {
            return OptionalDouble.of(count);
        }
        return OptionalDouble.empty();
    }
}
