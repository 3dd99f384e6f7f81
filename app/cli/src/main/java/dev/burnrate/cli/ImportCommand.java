package dev.burnrate.cli;

import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.cli.output.Outline;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Uploads a FOCUS export as a new version of a dataset, streamed from disk, and prints the import's report. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a FOCUS CSV export as a new version of a usage dataset and print the validation report.",
                "The file is streamed, never read whole. Exit code 1 when the portal rejects the import."})
final class ImportCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    private ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "FILE", description = "The FOCUS export (CSV)")
    private Path file;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "The dataset the file becomes a new version of")
    private String dataset;

    @Option(names = "--mode", defaultValue = "strict", paramLabel = "strict|lenient",
            description = "strict (default): any conformance error rejects the file; lenient: bad rows are quarantined")
    private String mode;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default) or json (canonical)")
    private OutputFormat format;

    ImportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliException(file + ": no such readable file");
        }
        if (dataset.isBlank()) {
            throw new CliException("--dataset must name a dataset");
        }
        String path = "api/v1/datasets/" + URLEncoder.encode(dataset.strip(), StandardCharsets.UTF_8)
                .replace("+", "%20") + "/versions?mode=" + URLEncoder.encode(mode.strip(), StandardCharsets.UTF_8)
                + "&fileName=" + URLEncoder.encode(String.valueOf(file.getFileName()), StandardCharsets.UTF_8);
        JsonNode report = connection.client(terminal).upload(path, file, "text/csv");
        terminal.out().print(format == OutputFormat.JSON ? CanonicalJson.write(report) : Outline.render(report));
        if (rejected(report)) {
            terminal.err().println("error: the portal rejected the import of " + file + " (see the report above)");
            return BurnrateCli.ERROR;
        }
        return BurnrateCli.OK;
    }

    /** A report may say "rejected" in an answer that is otherwise a success; the exit code must say it too. */
    static boolean rejected(JsonNode report) {
        if (report.path("accepted").isBoolean()) {
            return !report.path("accepted").booleanValue();
        }
        if (report.path("rejected").isBoolean()) {
            return report.path("rejected").booleanValue();
        }
        String status = report.path("status").asString("").toUpperCase(Locale.ROOT);
        return status.equals("REJECTED") || status.equals("FAILED");
    }
}
