package dev.burnrate.plugins.sdk;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Maven a plugin author has ({@code mvn} on the PATH, e.g. Debian's 3.8.7), not this repository's wrapper: the
 * SDK must build with whatever Maven defaults it brings. Runs on the JDK these tests run on, against the given local
 * repository.
 */
final class StockMaven {
    private static final long TIMEOUT_MINUTES = 5;

    private final Path executable;
    private final Path localRepository;
    private final Path settings;

    private StockMaven(Path executable, Path localRepository, Path settings) {
        this.executable = executable;
        this.localRepository = localRepository;
        this.settings = settings;
    }

    /** {@code mvn} from the PATH (or the system property burnrate.sdk.mvn), or empty when there is none. */
    static Optional<Path> find() {
        String configured = System.getProperty("burnrate.sdk.mvn");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "mvn");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A Maven with {@code localRepository} of its own that reads released artifacts first from
     * {@code outerRepository} (as a file repository, snapshots off, so no dev.burnrate snapshot comes from there)
     * and then from Maven Central, as any author's Maven does.
     */
    static StockMaven create(Path executable, Path localRepository, Path outerRepository) throws IOException {
        Files.createDirectories(localRepository);
        String repository = """
                <id>%s</id><url>%s</url>
                <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>"""
                .formatted("burnrate-build-local", outerRepository.toUri());
        String settings = """
                <settings>
                  <profiles><profile><id>burnrate-sdk-tests</id>
                    <repositories><repository>%s</repository></repositories>
                    <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>burnrate-sdk-tests</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
        Path settingsFile = localRepository.resolveSibling("sdk-tests-settings.xml");
        Files.writeString(settingsFile, settings, StandardCharsets.UTF_8);
        return new StockMaven(executable, localRepository, settingsFile);
    }

    /** What one command printed and how it ended. */
    record Run(List<String> command, int exitCode, String output) {
        @Override
        public String toString() {
            return String.join(" ", command) + " exited with " + exitCode + ":\n" + output;
        }
    }

    /** Runs {@code mvn -B <arguments>} in a folder; the output is kept whole for the assertions' messages. */
    Run run(Path folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + localRepository));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("burnrate-sdk-mvn-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("MAVEN_OPTS");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                return new Run(command, -1, "timed out after " + TIMEOUT_MINUTES + " minutes\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
