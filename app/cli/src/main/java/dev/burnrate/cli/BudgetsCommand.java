package dev.burnrate.cli;

import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.cli.output.JsonTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "budgets", mixinStandardHelpOptions = true,
        description = "The budgets you may see, with one period's plan, actual spend and forecast.")
final class BudgetsCommand implements Callable<Integer> {

    /** What a row shows: the budget, then its period figures (flattened from {@code figures}). */
    private static final List<String> COLUMNS = List.of("id", "name", "scope", "period", "plan", "actual",
            "forecastP50", "forecastP90", "status");

    private final Terminal terminal;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "A month (2026-11) or quarter (2026-Q4); default: the current month")
    private String period;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default) or json (canonical)")
    private OutputFormat format;

    BudgetsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        String path = "api/v1/budgets?size=500" + (period == null || period.isBlank() ? ""
                : "&period=" + URLEncoder.encode(period.strip(), StandardCharsets.UTF_8));
        JsonNode answer = connection.client(terminal).get(path);
        if (format == OutputFormat.JSON) {
            terminal.out().print(CanonicalJson.write(answer));
            return BurnrateCli.OK;
        }
        List<JsonNode> budgets = Lists.items(answer).stream().map(BudgetsCommand::flattened).toList();
        terminal.out().print(budgets.isEmpty() ? "No budgets.\n"
                : JsonTable.of(budgets, COLUMNS).render() + Lists.footer(answer, budgets.size(), "budget"));
        return BurnrateCli.OK;
    }

    /**
     * The budget with its period's figures beside its own fields, so one table row shows both; the period's
     * {@code plan} amount replaces the list of planned amounts per period.
     */
    private static JsonNode flattened(JsonNode budget) {
        JsonNode figures = budget.get("figures");
        if (!budget.isObject() || figures == null || !figures.isObject()) {
            return budget;
        }
        ObjectNode row = ((ObjectNode) budget).deepCopy();
        figures.properties().forEach(f -> row.set(f.getKey(), f.getValue()));
        return row;
    }
}
