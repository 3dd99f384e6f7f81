package dev.burnrate.cli.spec;

import dev.burnrate.cli.CliException;
import java.util.List;

/**
 * A job spec the CLI refuses before calling the portal. Problems read like a compiler's: {@code job.yaml:3:19: ...}
 * where the position is known (syntax, unknown fields, wrong types), {@code job.yaml: ...} for a value the portal
 * would refuse.
 */
public final class SpecException extends CliException {

    /** One thing wrong; {@code line} and {@code column} are 1-based, 0 when unknown. */
    public record Problem(int line, int column, String message) {

        String render(String source) {
            return line > 0 ? source + ":" + line + ":" + column + ": " + message : source + ": " + message;
        }
    }

    private final List<Problem> problems;
    private final String source;

    SpecException(String source, List<Problem> problems) {
        super(problems.size() == 1 ? problems.getFirst().render(source)
                : source + ": the job spec has " + problems.size() + " problems");
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String render() {
        StringBuilder text = new StringBuilder(super.render());
        if (problems.size() > 1) {
            problems.forEach(p -> text.append("\n  - ").append(p.line() > 0 ? p.render(source) : p.message()));
        }
        return text.toString();
    }
}
