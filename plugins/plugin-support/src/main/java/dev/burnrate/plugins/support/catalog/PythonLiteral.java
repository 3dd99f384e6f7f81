package dev.burnrate.plugins.support.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literals SkyPilot writes into its catalogs (e.g. AWS {@code GpuInfo}:
 * {@code {'Gpus': [{'Name': 'A10G', 'Count': 4}]}}): dicts, lists, single- or double-quoted strings, numbers,
 * {@code True}, {@code False} and {@code None}. It is not JSON: strings use single quotes.
 */
public final class PythonLiteral {
    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * @return a {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Double}, {@code Long},
     *         {@code Boolean} or {@code null}
     * @throws IllegalArgumentException with the offending position when the text is not a literal
     */
    public static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected trailing text");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '[' -> list('[', ']');
            case '(' -> list('(', ')');
            case '\'', '"' -> string(c);
            default -> atom();
        };
    }

    private Map<String, Object> dict() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        while (peek() != '}') {
            Object key = value();
            skipSpace();
            expect(':');
            map.put(String.valueOf(key), value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
        pos++;
        return map;
    }

    private List<Object> list(char open, char close) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        while (peek() != close) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "' after an element of a '" + open + "' sequence");
            }
        }
        pos++;
        return list;
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        if (pos >= text.length()) {
            throw error("string not closed");
        }
        pos++;
        return out.toString();
    }

    private Object atom() {
        int start = pos;
        while (pos < text.length() && ",:}]) ".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String token = text.substring(start, pos);
        switch (token) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                break;
        }
        try {
            return token.matches("[-+]?\\d+") ? (Object) Long.parseLong(token) : (Object) Double.parseDouble(token);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("unknown token '" + token + "'");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at position " + pos + " of " + text);
    }
}
