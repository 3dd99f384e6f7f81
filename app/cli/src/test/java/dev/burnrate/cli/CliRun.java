package dev.burnrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with a given environment and answers to prompts; keeps exit code, stdout and stderr. */
final class CliRun {

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun run(Map<String, String> env, Terminal.Prompter prompter, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BurnrateCli.run(args, new Terminal(new PrintWriter(out), new PrintWriter(err),
                new HashMap<>(env), prompter));
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, Terminal.Prompter.NONE, args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
