package dev.burnrate.cli.spec;

import dev.burnrate.cli.CliException;
import dev.burnrate.cli.spec.SpecException.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code job.yaml} strictly, before anything is sent: malformed YAML, unknown or repeated fields and values of
 * the wrong type stop at the first one with its line and column; then the values themselves are checked and every
 * problem is reported at once. The portal checks again (it is the authority); this only spares a round trip and
 * gives a pipeline author the file position the server cannot know.
 */
public final class SpecReader {

    /** What the spec is for: a policy check needs to know where the job runs and whose budget pays. */
    public enum Purpose { ESTIMATE, CHECK }

    static final List<String> KINDS = List.of("training", "inference");
    static final List<String> PURCHASE_OPTIONS = List.of("ON_DEMAND", "SPOT", "COMMITTED_1Y", "COMMITTED_3Y");
    static final List<String> FIELDS = Arrays.stream(JobSpec.class.getRecordComponents())
            .map(c -> c.getName()).toList();
    private static final long MAX_BYTES = 1 << 20;

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public JobSpec read(Path file, Purpose purpose) {
        return parse(file.toString(), readText(file), purpose);
    }

    JobSpec parse(String source, String text, Purpose purpose) {
        JobSpec spec = text.isBlank() ? null : bind(source, text);
        if (spec == null) {
            throw new SpecException(source, List.of(new Problem(0, 0,
                    "the job spec is empty (it needs at least an accelerator or an instanceType)")));
        }
        List<Problem> problems = SpecRules.check(spec, purpose);
        if (!problems.isEmpty()) {
            throw new SpecException(source, problems);
        }
        return spec;
    }

    /**
     * Reads the YAML whole first, so that a syntax error further down is reported as such rather than as the wrong
     * type of the value where binding stopped; then binds it, with positions, to the spec's fields.
     */
    private JobSpec bind(String source, String text) {
        try {
            yaml.readTree(text);
            return yaml.readValue(text, JobSpec.class);
        } catch (JacksonException e) {
            int[] at = position(e, text);
            throw new SpecException(source, List.of(new Problem(at[0], at[1], describe(e, text))));
        }
    }

    /**
     * Line and column of the problem. For an unknown field the parser is already past it (at the next key), so the
     * field's own block-style key is looked up in the text instead.
     */
    private static int[] position(JacksonException e, String text) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Pattern key = Pattern.compile("^(\\s*)" + Pattern.quote(unknown.getPropertyName()) + "\\s*:");
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher match = key.matcher(lines.get(i));
                if (match.find()) {
                    return new int[] {i + 1, match.group(1).length() + 1};
                }
            }
        }
        TokenStreamLocation at = e.getLocation();
        return at == null ? new int[] {0, 0}
                : new int[] {Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)};
    }

    private static String describe(JacksonException e, String text) {
        String field = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"" + Suggestions.closest(
                    unknown.getPropertyName(), FIELDS) + " (fields of a job spec: " + String.join(", ", FIELDS) + ")";
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (field.isEmpty()) {
                return "a job spec is a mapping of fields (kind: training, accelerator: H100, ...), "
                        + "not a list or a single value";
            }
            return field + " must be " + expected(mismatch.getTargetType()) + Suggestions.found(mismatch, text);
        }
        String message = firstLines(e.getOriginalMessage());
        if (message.startsWith("Duplicate Object property")) {
            return "field " + message.substring("Duplicate Object property ".length()) + " is given twice";
        }
        return "malformed YAML: " + message;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        return switch (type.getSimpleName()) {
            case "Integer", "int" -> "a whole number";
            case "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a text value";
            case "Map", "LinkedHashMap", "HashMap" -> "a mapping of names to text values";
            default -> "a " + type.getSimpleName();
        };
    }

    /**
     * The YAML parser's message without its position lines, the source excerpt below each and the caret (the
     * problem already gives line:column): "while parsing a flow sequence: expected ',' or ']', but got <scalar>".
     */
    private static String firstLines(String message) {
        if (message == null) {
            return "cannot be read";
        }
        List<String> kept = new java.util.ArrayList<>();
        List<String> lines = message.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("in reader") || line.matches(".*line \\d+, column \\d+:?")) {
                i += 2;
            } else if (!line.isEmpty() && !line.startsWith("^")) {
                kept.add(line.replace("YAML decoding problem: ", ""));
            }
        }
        return String.join(": ", kept.subList(0, Math.min(kept.size(), 2)));
    }

    private static String readText(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CliException(file + ": larger than 1 MiB, which is not a job spec");
            }
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new CliException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CliException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
