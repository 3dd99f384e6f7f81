package dev.burnrate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code burnrate}: the portal from a terminal or a CI pipeline. Exit codes are a contract for pipelines:
 * 0 success (and ALLOW), 2 NEEDS_APPROVAL, 3 DENY, 1 anything that went wrong (bad usage or spec, server or network
 * error). Picocli's own default of 2 for bad usage is replaced, so 2 can only ever mean "needs approval".
 */
@Command(name = "burnrate", mixinStandardHelpOptions = true, versionProvider = BurnrateCli.Version.class,
        description = "Cost estimates, policy checks and cost data of a Burnrate portal, for terminals and CI.",
        subcommands = CommandLine.HelpCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success; check: ALLOW", "1:error (usage, spec, server, network)",
                "2:check: NEEDS_APPROVAL", "3:check: DENY"})
public final class BurnrateCli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int NEEDS_APPROVAL = 2;
    public static final int DENY = 3;

    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    private BurnrateCli(Terminal terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /** Runs one command line and returns its exit code (never exits the JVM: tests call this in-process). */
    public static int run(String[] args, Terminal terminal) {
        CommandLine cli = new CommandLine(new BurnrateCli(terminal))
                .addSubcommand(new EstimateCommand(terminal))
                .addSubcommand(new CheckCommand(terminal))
                .addSubcommand(new ImportCommand(terminal))
                .addSubcommand(new BudgetsCommand(terminal))
                .addSubcommand(new AnomaliesCommand(terminal))
                .addSubcommand(new LoginCommand(terminal));
        cli.setOut(terminal.out()).setErr(terminal.err()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, command, parsed) -> failed(terminal, e))
                .setParameterExceptionHandler((e, arguments) -> {
                    terminal.err().println("error: " + e.getMessage());
                    terminal.err().println("see: " + e.getCommandLine().getCommandSpec().qualifiedName()
                            + " --help");
                    return ERROR;
                });
        try {
            return cli.execute(args);
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    private static int failed(Terminal terminal, Exception e) {
        if (e instanceof CliException known) {
            terminal.err().println(known.render());
        } else {
            terminal.err().println("error: unexpected failure: " + e);
            if (terminal.env("BURNRATE_DEBUG") != null) {
                e.printStackTrace(terminal.err());
            }
        }
        return ERROR;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(terminal.err());
        return ERROR;
    }

    /** The version from the jar's manifest (set by the build), "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BurnrateCli.class.getPackage().getImplementationVersion();
            return new String[] {"burnrate " + (version == null ? "development" : version)};
        }
    }
}
