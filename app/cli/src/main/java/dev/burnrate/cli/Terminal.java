package dev.burnrate.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command may touch of the world: its output streams, the environment and a way to ask the user. Passed in
 * rather than read from {@code System} so that tests and the portal's end-to-end test run the CLI in-process.
 */
public record Terminal(PrintWriter out, PrintWriter err, Map<String, String> env, Prompter prompter) {

    /** The real process: stdout, stderr, the environment and the console (none when input is not a terminal). */
    public static Terminal system() {
        Console console = System.console();
        return new Terminal(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.getenv(),
                console == null ? Prompter.NONE : Prompter.of(console));
    }

    /** An environment variable, or null when it is unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Asks the user questions; {@link #NONE} when there is nobody to ask (CI). */
    public interface Prompter {

        Prompter NONE = new Prompter() {
            @Override
            public String readLine(String prompt) {
                return null;
            }

            @Override
            public char[] readPassword(String prompt) {
                return null;
            }
        };

        /** The answer, or null when no one can be asked. */
        String readLine(String prompt);

        /** The answer, typed without echo, or null when no one can be asked. */
        char[] readPassword(String prompt);

        static Prompter of(Console console) {
            return new Prompter() {
                @Override
                public String readLine(String prompt) {
                    return console.readLine("%s", prompt);
                }

                @Override
                public char[] readPassword(String prompt) {
                    return console.readPassword("%s", prompt);
                }
            };
        }
    }
}
