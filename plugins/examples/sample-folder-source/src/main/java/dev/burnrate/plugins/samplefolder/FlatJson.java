package dev.burnrate.plugins.samplefolder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FOCUS Tags column: a flat JSON object. String values are kept, numbers, booleans and null as their text;
 * nested objects and arrays are refused (the API's tags are string to string). Small on purpose: a plugin sees only
 * the API, so it brings its own parsing.
 */
final class FlatJson {
    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    static Map<String, String> parseObject(String json) {
        return new FlatJson(json).object();
    }

    private Map<String, String> object() {
        Map<String, String> result = new LinkedHashMap<>();
        expect('{');
        if (peek() == '}') {
            i++;
            return end(result);
        }
        while (true) {
            String key = string();
            expect(':');
            String value = peek() == '"' ? string() : bare();
            if (value != null) {
                result.put(key, value);
            }
            char c = next();
            if (c == '}') {
                return end(result);
            }
            if (c != ',') {
                throw new IllegalArgumentException("not a JSON object: expected ',' or '}' at " + i);
            }
        }
    }

    private Map<String, String> end(Map<String, String> result) {
        if (!s.substring(i).isBlank()) {
            throw new IllegalArgumentException("not a JSON object: text after '}'");
        }
        return result;
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("not a JSON object: a broken \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw new IllegalArgumentException("not a JSON object: a string is not closed");
    }

    /** A number, true, false or null (null drops the tag). */
    private String bare() {
        int start = i;
        while (i < s.length() && ",}".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
            if ("{[".indexOf(s.charAt(i)) >= 0) {
                throw new IllegalArgumentException("tag values must be strings, numbers or booleans, not objects");
            }
            i++;
        }
        String v = s.substring(start, i);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("not a JSON object: a value is missing at " + start);
        }
        return v.equals("null") ? null : v;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("not a JSON object: expected '" + c + "' at " + (i - 1));
        }
    }

    private char next() {
        skipSpace();
        if (i >= s.length()) {
            throw new IllegalArgumentException("not a JSON object: it ends too early");
        }
        return s.charAt(i++);
    }

    private char peek() {
        skipSpace();
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
