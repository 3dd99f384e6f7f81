package dev.burnrate.plugins.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin guide's commands, run as a plugin author would: from an empty folder, with the stock Maven on the
 * PATH (CI installs Debian's 3.8.7), {@code mvn archetype:generate} for each kind of plugin, then {@code mvn verify}
 * on what it generated. The unit tests (Surefire) and the packaged-jar check (Failsafe) must both run and pass: a
 * build that runs "Tests run: 0" or skips PluginJarIT fails here, as does a generated build that fails.
 */
class PluginSdkFromEmptyFolderIT {
    private static final Pattern TESTS_RUN = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+)");

    private static StockMaven mvn;

    @BeforeAll
    static void installThisBuild() throws IOException {
        Path executable = StockMaven.find().orElseThrow(() -> new IllegalStateException("these tests need a "
                + "stock Maven as plugin authors have it: install one (apt-get install maven) or name it with "
                + "-Dburnrate.sdk.mvn=/path/to/mvn"));
        Path localRepository = Path.of(System.getProperty("burnrate.sdk.local-repository", "target/sdk-repository"));
        Path outerRepository = Path.of(System.getProperty("burnrate.sdk.outer-repository",
                System.getProperty("user.home") + "/.m2/repository"));
        mvn = StockMaven.create(executable, localRepository, outerRepository);
        ThisBuild.installInto(localRepository);
    }

    @ParameterizedTest
    @ValueSource(strings = {"provider", "hardware", "backend"})
    void theArchetypesPluginBuildsAndPassesItsConformanceTests(String kind, @TempDir Path empty) throws Exception {
        Path project = generate(kind, empty);

        StockMaven.Run build = mvn.run(project, "verify");

        assertSucceeded(build);
        assertThat(testsRun(build, "surefire")).as("unit tests run by Surefire\n%s", build)
                .isPositive();
        assertThat(testsRun(build, "failsafe")).as("PluginJarIT run by Failsafe\n%s", build)
                .isPositive();
        assertThat(project.resolve("target/example-" + kind + "-1.0.0-SNAPSHOT.jar")).isRegularFile();
    }

    @Test
    void aGeneratedPluginThePortalWouldRefuseFailsItsBuild(@TempDir Path empty) throws Exception {
        Path project = generate("provider", empty);
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<plugin.provider>",
                "<plugin.requires>&gt;=2.0.0</plugin.requires>\n    <plugin.provider>"));

        StockMaven.Run build = mvn.run(project, "verify");

        assertThat(build.exitCode()).as("exit code of\n%s", build).isNotZero();
        assertThat(build.output()).contains("requires Burnrate API >=2.0.0 but this portal provides API");
    }

    /** The guide's command, in an empty folder; returns the generated project. */
    private static Path generate(String kind, Path empty) throws Exception {
        assertThat(empty).isEmptyDirectory();
        StockMaven.Run generate = mvn.run(empty, "archetype:generate",
                "-DarchetypeGroupId=dev.burnrate", "-DarchetypeArtifactId=burnrate-plugin-archetype",
                "-DarchetypeVersion=" + ThisBuild.version(), "-DpluginKind=" + kind,
                "-DgroupId=com.example", "-DartifactId=example-" + kind, "-Dpackage=com.example." + kind);
        assertSucceeded(generate);
        Path project = empty.resolve("example-" + kind);
        assertThat(project.resolve("pom.xml")).isRegularFile();
        return project;
    }

    private static void assertSucceeded(StockMaven.Run run) {
        if (run.exitCode() != 0 || !run.output().contains("BUILD SUCCESS")) {
            fail("the stock Maven build failed: " + run);
        }
    }

    /**
     * The tests Surefire's or Failsafe's summary reports ("Tests run: 5, Failures: 0, ..."), or 0 when the plugin
     * did not run. Maven 3.8 heads a plugin's output "--- maven-surefire-plugin:...", Maven 3.9 "--- surefire:...".
     */
    private static int testsRun(StockMaven.Run run, String plugin) {
        List<String> lines = run.output().lines()
                .dropWhile(l -> !l.contains("--- maven-" + plugin + "-plugin:") && !l.contains("--- " + plugin + ":"))
                .toList();
        for (String line : lines) {
            Matcher summary = TESTS_RUN.matcher(line);
            if (line.startsWith("[INFO] Tests run:") || line.startsWith("[WARNING] Tests run:")) {
                if (summary.find() && !line.contains(" -- in ")) {
                    return Integer.parseInt(summary.group(1));
                }
            }
        }
        return 0;
    }
}
