package dev.burnrate.cli;

import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.cli.output.JsonTable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "budgets", mixinStandardHelpOptions = true,
        description = "The budgets you may see, with their actual and forecast figures.")
final class BudgetsCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default) or json (canonical)")
    private OutputFormat format;

    BudgetsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        JsonNode answer = connection.client(terminal).get("api/v1/budgets");
        if (format == OutputFormat.JSON) {
            terminal.out().print(CanonicalJson.write(answer));
            return BurnrateCli.OK;
        }
        List<JsonNode> budgets = Lists.items(answer);
        terminal.out().print(budgets.isEmpty() ? "No budgets.\n"
                : JsonTable.of(budgets, List.of("id", "name", "scope", "currency"), Set.of()).render()
                        + Lists.footer(answer, budgets.size(), "budget"));
        return BurnrateCli.OK;
    }
}
