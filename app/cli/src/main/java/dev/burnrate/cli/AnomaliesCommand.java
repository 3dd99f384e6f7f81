package dev.burnrate.cli;

import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.cli.output.JsonTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = "Cost anomalies the portal detected in the usage data you may see.")
final class AnomaliesCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only anomalies in this status, e.g. open")
    private String status;

    @Option(names = "--page", defaultValue = "0", description = "Page, from 0 (default 0)")
    private int page;

    @Option(names = "--size", defaultValue = "50", description = "Anomalies per page, 1 to 500 (default 50)")
    private int size;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default) or json (canonical)")
    private OutputFormat format;

    AnomaliesCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        StringBuilder path = new StringBuilder("api/v1/anomalies?page=").append(page).append("&size=").append(size);
        if (status != null && !status.isBlank()) {
            path.append("&status=").append(URLEncoder.encode(status.strip(), StandardCharsets.UTF_8));
        }
        JsonNode answer = connection.client(terminal).get(path.toString());
        if (format == OutputFormat.JSON) {
            terminal.out().print(CanonicalJson.write(answer));
            return BurnrateCli.OK;
        }
        List<JsonNode> anomalies = Lists.items(answer);
        terminal.out().print(anomalies.isEmpty() ? "No anomalies" + (status == null ? "" : " in status " + status)
                + ".\n" : JsonTable.of(anomalies, List.of("id", "status"), Set.of()).render()
                + Lists.footer(answer, anomalies.size(), "anomaly"));
        return BurnrateCli.OK;
    }
}
