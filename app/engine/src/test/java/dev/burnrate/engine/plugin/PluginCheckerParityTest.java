package dev.burnrate.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.plugins.testkit.PluginJarChecker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One checker: the jars a plugin author's tests pass are the jars an upload accepts. For each jar the issue found
 * passing the testkit but refused by the portal, the upload's problems are exactly the testkit's.
 */
class PluginCheckerParityTest extends PluginHostTestBase {

    @BeforeEach
    void start() throws IOException {
        startHost();
    }

    @Test
    void aJarRequiringAnotherApiIsRefusedByBothWithTheSameProblem() throws Exception {
        assertSameRefusal(plugins.plugin("good").set("Plugin-Requires", ">=2.0.0").jar(uploads, "requires.jar"),
                "requires Burnrate API >=2.0.0");
    }

    @Test
    void aBadIdIsRefusedByBothWithTheSameProblem() throws Exception {
        assertSameRefusal(plugins.plugin("good").set("Plugin-Id", "Bad_ID!").jar(uploads, "id.jar"),
                "Plugin-Id 'Bad_ID!'");
    }

    @Test
    void aVersionThatIsNotSemanticIsRefusedByBothWithTheSameProblem() throws Exception {
        assertSameRefusal(plugins.plugin("good").set("Plugin-Version", "banana").jar(uploads, "version.jar"),
                "Plugin-Version 'banana'");
    }

    @Test
    void aJarWithoutPluginClassIsRefusedByBothWithTheSameProblem() throws Exception {
        assertSameRefusal(plugins.plugin("good").set("Plugin-Class", null).jar(uploads, "no-class.jar"),
                "Plugin-Class is missing");
    }

    @Test
    void aJarTheTestkitPassesIsInstalled() throws Exception {
        Path jar = plugins.plugin("good").jar(uploads, "good.jar");
        assertThat(PluginJarChecker.check(jar)).isEmpty();
        assertThat(upload(jar).state()).isEqualTo(HostPluginState.STARTED);
    }

    private void assertSameRefusal(Path jar, String problem) throws IOException {
        List<String> testkit = PluginJarChecker.check(jar);
        assertThat(testkit).singleElement().asString().startsWith(problem);
        assertThatThrownBy(() -> upload(jar)).isInstanceOfSatisfying(PluginValidationException.class,
                e -> assertThat(e.problems()).isEqualTo(testkit));
        assertThat(host.plugins()).isEmpty();
    }
}
