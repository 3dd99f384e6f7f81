package dev.burnrate.engine.usage.json;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The engine's one Jackson set-up for usage data: Tags values (JSON object text in the Tags column) and version
 * manifests. Two things make it differ from Jackson's defaults, both so that data written before Jackson keeps
 * its meaning:
 * <ul>
 *   <li>Reading is strict JSON but still accepts the number forms the engine's first, hand-written reader took
 *       ({@code +1}, {@code 01}, {@code .5}, {@code 5.}), so Tags stored by older versions still parse. Floating
 *       point numbers read as {@link java.math.BigDecimal}, so a value written back keeps its digits.</li>
 *   <li>Writing is compact and escapes control characters as that reader's writer did ({@code \\u0008} for
 *       backspace, lower-case hex): Tags text is part of the data whose SHA-256 detects a re-import, so the same
 *       rows must keep giving the same bytes.</li>
 * </ul>
 * Failures are {@link IllegalArgumentException}s that say what was wrong and where (field, line, column).
 */
public final class UsageJson {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new FirstWriterEscapes())
                    .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                    .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                            JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                            JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                            JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
                    .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A whole number field must not silently drop a fraction; unknown fields are left for later versions.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private UsageJson() {
    }

    /** Parses a JSON object, keeping its key order; anything else (an array, null, trailing text) is an error. */
    public static Map<String, Object> parseObject(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object but found " + describe(first)
                        + at(parser.currentTokenLocation()));
            }
            Map<String, Object> object = MAPPER.readValue(parser, OBJECT);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("unexpected content after the object"
                        + at(parser.currentTokenLocation()));
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(message(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    /** Reads a whole document into {@code type} (a record mirroring the document). */
    public static <T> T read(String text, Class<T> type) {
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new IllegalArgumentException("expected a JSON object but found null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(message(e), e);
        }
    }

    /** Writes maps, collections, records, strings, numbers, booleans and null as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Jackson's own message without its source excerpt, prefixed by the field path when there is one. */
    private static String message(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m
                ? m.getPath().stream().map(UsageJson::step).collect(Collectors.joining()).replaceFirst("^\\.", "")
                : "";
        return (field.isEmpty() ? "" : "field '" + field + "': ") + e.getOriginalMessage() + at(e.getLocation());
    }

    private static String step(JsonMappingException.Reference ref) {
        return ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]";
    }

    private static String at(JsonLocation where) {
        if (where == null || where.getLineNr() < 1) {
            return "";
        }
        return " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /**
     * Jackson's escapes but for backspace and form feed, which it writes as {@code \b} and {@code \f}: the
     * first writer wrote every control character but tab, new line and carriage return as {@code \\u00xx}.
     */
    private static final class FirstWriterEscapes extends CharacterEscapes {
        private final int[] codes = standardAsciiEscapesForJSON();

        FirstWriterEscapes() {
            codes['\b'] = ESCAPE_STANDARD;
            codes['\f'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
