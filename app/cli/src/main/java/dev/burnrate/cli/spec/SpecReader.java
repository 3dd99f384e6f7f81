package dev.burnrate.cli.spec;

import dev.burnrate.cli.CliException;
import dev.burnrate.cli.spec.SpecException.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code job.yaml} strictly, before anything is sent: malformed YAML, unknown or repeated fields and values of
 * the wrong type stop at the first one with its line and column (SnakeYAML's node tree, see {@link SpecBinder});
 * then the values themselves are checked and every problem is reported at once. The portal checks again (it is the
 * authority); this only spares a round trip and gives a pipeline author the file position the server cannot know.
 */
public final class SpecReader {

    /** What the spec is for: a policy check needs to know where the job runs and whose budget pays. */
    public enum Purpose { ESTIMATE, CHECK }

    static final List<String> KINDS = List.of("training", "inference");
    static final List<String> PURCHASE_OPTIONS = List.of("ON_DEMAND", "SPOT", "COMMITTED_1Y", "COMMITTED_3Y");
    static final List<String> FIELDS = Arrays.stream(JobSpec.class.getRecordComponents())
            .map(c -> c.getName()).toList();
    private static final long MAX_BYTES = 1 << 20;

    public JobSpec read(Path file, Purpose purpose) {
        return parse(file.toString(), readText(file), purpose);
    }

    JobSpec parse(String source, String text, Purpose purpose) {
        Node root = compose(source, text);
        if (root == null || root.getTag().equals(Tag.NULL)) {
            throw new SpecException(source, List.of(new Problem(0, 0,
                    "the job spec is empty (it needs at least an accelerator or an instanceType)")));
        }
        JobSpec spec = SpecBinder.bind(source, root);
        List<Problem> problems = SpecRules.check(spec, purpose);
        if (!problems.isEmpty()) {
            throw new SpecException(source, problems);
        }
        return spec;
    }

    private Node compose(String source, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw new SpecException(source, List.of(at == null ? new Problem(0, 0, "malformed YAML: " + message)
                    : new Problem(at.getLine() + 1, at.getColumn() + 1, "malformed YAML: " + message)));
        } catch (YAMLException e) {
            throw new SpecException(source, List.of(new Problem(0, 0, "malformed YAML: " + e.getMessage())));
        }
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
