package dev.burnrate.cli;

import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.cli.output.EstimateView;
import dev.burnrate.cli.spec.JobSpec;
import dev.burnrate.cli.spec.SpecReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "What a job will cost on each matching offering: expected, P50 and P90 of the simulated cost.")
final class EstimateCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "job.yaml", description = "The job spec (YAML)")
    private Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default) or json (canonical: byte-identical for the same spec and catalog)")
    private OutputFormat format;

    EstimateCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        JobSpec spec = new SpecReader().read(file, SpecReader.Purpose.ESTIMATE);
        JsonNode estimate = connection.client(terminal).post("api/v1/estimates", spec);
        terminal.out().print(format == OutputFormat.JSON ? CanonicalJson.write(estimate) : EstimateView.render(estimate));
        return BurnrateCli.OK;
    }
}
