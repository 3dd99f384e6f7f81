package dev.burnrate.cli;

import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.cli.output.JsonTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    /** What the portal's Anomalies page calls open: no verdict yet. */
    private static final List<String> OPEN = List.of("NEW", "ACKNOWLEDGED");
    private static final List<String> COLUMNS = List.of("id", "status", "team", "series", "periodStart", "expected",
            "actual", "impact", "impactPercent");

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only anomalies in these statuses: open (new or acknowledged), new, acknowledged, expected, "
                    + "false_alarm")
    private List<String> status;

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
        for (String wanted : statuses()) {
            path.append("&status=").append(URLEncoder.encode(wanted, StandardCharsets.UTF_8));
        }
        JsonNode answer = connection.client(terminal).get(path.toString());
        if (format == OutputFormat.JSON) {
            terminal.out().print(CanonicalJson.write(answer));
            return BurnrateCli.OK;
        }
        List<JsonNode> anomalies = Lists.items(answer);
        terminal.out().print(anomalies.isEmpty()
                ? "No anomalies" + (status == null ? "" : " in status " + String.join(", ", status)) + ".\n"
                : JsonTable.of(anomalies, COLUMNS).render() + Lists.footer(answer, anomalies.size(), "anomaly"));
        return BurnrateCli.OK;
    }

    /** The API's status names; "open" stands for the statuses without a verdict. */
    private List<String> statuses() {
        if (status == null) {
            return List.of();
        }
        return status.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .flatMap(s -> s.equals("OPEN") ? OPEN.stream() : Stream.of(s)).distinct().toList();
    }
}
