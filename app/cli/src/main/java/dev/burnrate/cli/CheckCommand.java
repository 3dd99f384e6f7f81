package dev.burnrate.cli;

import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.cli.output.PolicyCheckView;
import dev.burnrate.cli.spec.JobSpec;
import dev.burnrate.cli.spec.SpecReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** The gate of a pipeline: the policy decision for a job as its exit code. Nothing is stored by the portal. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Would the portal's policies allow this job? Prints the decision, the reasons and the budget "
                + "figures; a dry run that stores nothing.",
                "Exit code 0 ALLOW, 2 NEEDS_APPROVAL, 3 DENY, 1 error."})
final class CheckCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "job.yaml", description = "The job spec (YAML)")
    private Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default) or json (canonical)")
    private OutputFormat format;

    CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        JobSpec spec = new SpecReader().read(file, SpecReader.Purpose.CHECK);
        JsonNode check = connection.client(terminal).post("api/v1/policy/evaluations", spec);
        int exitCode = exitCode(check);
        terminal.out().print(format == OutputFormat.JSON ? CanonicalJson.write(check) : PolicyCheckView.render(check));
        return exitCode;
    }

    static int exitCode(JsonNode check) {
        String decision = check.path("decision").asString("");
        return switch (decision) {
            case "ALLOW" -> BurnrateCli.OK;
            case "NEEDS_APPROVAL" -> BurnrateCli.NEEDS_APPROVAL;
            case "DENY" -> BurnrateCli.DENY;
            default -> throw new CliException("the portal answered an unknown decision \"" + decision + "\"");
        };
    }
}
