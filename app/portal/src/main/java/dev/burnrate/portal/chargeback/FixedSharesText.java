package dev.burnrate.portal.chargeback;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Fixed shares as the rule editor shows them: one "team = percent" per line. */
public final class FixedSharesText {

    private FixedSharesText() {
    }

    public static String format(SortedMap<String, BigDecimal> shares) {
        StringJoiner out = new StringJoiner("\n");
        shares.forEach((team, percent) -> out.add(team + " = " + percent.stripTrailingZeros().toPlainString()));
        return out.toString();
    }

    /** Parses the text; a line that is not "team = percent" is refused naming its line number. */
    public static SortedMap<String, BigDecimal> parse(String text) {
        SortedMap<String, BigDecimal> shares = new TreeMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Line " + (i + 1) + " \"" + line
                        + "\": write a team and its percent, e.g. vision = 40.");
            }
            String team = line.substring(0, eq).strip();
            String number = line.substring(eq + 1).strip().replace("%", "").strip();
            BigDecimal percent;
            try {
                percent = new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": \"" + number + "\" is not a number.");
            }
            if (shares.put(team, percent) != null) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": team " + team + " has a share already.");
            }
        }
        return shares;
    }
}
