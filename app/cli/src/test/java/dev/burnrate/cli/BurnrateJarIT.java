package dev.burnrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built artefact as a pipeline runs it: {@code target/burnrate.jar} through the {@code burnrate} wrapper script,
 * a separate JVM whose exit status is the command's exit code (System.exit in main, not just the return value).
 */
class BurnrateJarIT {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result burnrate(String server, String... args) throws IOException, InterruptedException {
        return burnrateWithJvm(server, "", args);
    }

    private Result burnrateWithJvm(String server, String javaOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", Path.of("burnrate").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("BURNRATE_CONFIG", dir.resolve("config.json").toString());
        builder.environment().put("BURNRATE_SERVER", server);
        builder.environment().put("BURNRATE_TOKEN", "brt_jar");
        builder.environment().put("JAVA_OPTS", javaOptions);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void theJarRunsByItselfAndItsExitStatusIsTheDecision() throws Exception {
        assertThat(Files.size(Path.of("target", "burnrate.jar"))).as("one small jar").isLessThan(8 << 20);
        try (FakePortal portal = new FakePortal()) {
            Result version = burnrate(portal.url(), "--version");
            assertThat(version.exitCode()).isZero();
            assertThat(version.out()).startsWith("burnrate 0.");

            Path job = Files.writeString(dir.resolve("job.yaml"),
                    "team: ml-research\nregion: us-east-1\naccelerator: H100\nacceleratorCount: 8\n");
            portal.answer("POST /api/v1/policy/evaluations", 200,
                    "{\"decision\":\"DENY\",\"violations\":[{\"rule\":\"data_residency\",\"outcome\":\"DENY\","
                            + "\"message\":\"personal-eu data stays in the EU\"}],\"budgets\":[]}");
            Result deny = burnrate(portal.url(), "check", "-f", job.toString());
            assertThat(deny.exitCode()).as(deny.toString()).isEqualTo(3);
            assertThat(deny.out()).startsWith("Decision: DENY").contains("personal-eu data stays in the EU");

            Files.writeString(job, "team: ml-research\nregion: us-east-1\naccelerator: H100\nhours: many\n");
            Result bad = burnrate(portal.url(), "check", "-f", job.toString());
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err()).isEqualTo("error: " + job + ":4:8: hours must be a number, not many\n");
        }
    }

    /** An import never holds the file: 256 MiB go out from a JVM limited to a 32 MiB heap. */
    @Test
    void importStreamsAFileFarLargerThanTheHeap() throws Exception {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(256L << 20);
        }
        try (FakePortal portal = new FakePortal()) {
            portal.countOnly("/api/v1/datasets/big/versions").answer("POST /api/v1/datasets/big/versions", 201,
                    "{\"dataset\":\"big\",\"status\":\"CREATED\"}");
            Result run = burnrateWithJvm(portal.url(), "-Xmx32m", "import", big.toString(), "--dataset", "big");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(portal.last().text()).isEqualTo(Long.toString(256L << 20));
        }
    }
}
