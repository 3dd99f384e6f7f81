package dev.burnrate.cli;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The items of a list answer: a plain JSON array or the API's page {@code {"items","page","size","total"}}. */
final class Lists {

    private Lists() {
    }

    static List<JsonNode> items(JsonNode answer) {
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        if (!items.isArray()) {
            throw new CliException("the portal's answer is not a list (has the API changed? try --format json)");
        }
        return items.valueStream().toList();
    }

    /** {@code 3 budgets.} or, for a page of a longer list, {@code 50 of 120 anomalies (page 0; --page for more).} */
    static String footer(JsonNode answer, int shown, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        long total = answer.path("total").asLong(shown);
        if (total > shown) {
            return "\n" + shown + " of " + total + " " + plural + " (page " + answer.path("page").asInt()
                    + "; --page for more).\n";
        }
        return "\n" + total + " " + (total == 1 ? noun : plural) + ".\n";
    }
}
