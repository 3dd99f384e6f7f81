package dev.burnrate.plugins.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The artifacts of this build that a generated plugin project resolves (the SDK parent, the archetype, the api,
 * the testkit with the checker, the engine with its test-jar for backends, and the parent pom they inherit),
 * copied into the local repository the way {@code mvn install} lays them out. The README's test command runs
 * {@code verify}, which installs nothing, and the stock Maven under test must find this build's artifacts, not older
 * ones a previous {@code install} left there.
 */
final class ThisBuild {
    /** Module folder (relative to the repository root) and artifactId, with whether it has a jar. */
    private record Module(String folder, String artifactId, boolean jar) {
    }

    private static final List<Module> MODULES = List.of(
            new Module(".", "burnrate-parent", false),
            new Module("plugins/api", "burnrate-plugin-api", true),
            new Module("plugins/plugin-checker", "burnrate-plugin-checker", true),
            new Module("plugins/testkit", "burnrate-plugin-testkit", true),
            new Module("plugins/sdk-parent", "burnrate-plugin-sdk-parent", false),
            new Module("plugins/archetype", "burnrate-plugin-archetype", true),
            new Module("app/engine", "burnrate-engine", true));

    private ThisBuild() {
    }

    static Path root() {
        return Path.of(System.getProperty("burnrate.root", "../..")).toAbsolutePath().normalize();
    }

    static String version() {
        return System.getProperty("burnrate.version", "0.1.0-SNAPSHOT");
    }

    /** Copies every module's pom and jar (and the engine's test-jar) into {@code localRepository}. */
    static void installInto(Path localRepository) throws IOException {
        String version = version();
        for (Module module : MODULES) {
            Path folder = root().resolve(module.folder());
            Path target = Files.createDirectories(
                    localRepository.resolve("dev/burnrate").resolve(module.artifactId()).resolve(version));
            String base = module.artifactId() + "-" + version;
            Files.copy(folder.resolve("pom.xml"), target.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
            if (module.jar()) {
                copyBuilt(folder, base + ".jar", target);
            }
            if (module.artifactId().equals("burnrate-engine")) {
                copyBuilt(folder, base + "-tests.jar", target);
            }
        }
    }

    private static void copyBuilt(Path module, String fileName, Path target) throws IOException {
        Path built = module.resolve("target").resolve(fileName);
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException(built + " is missing: run these tests in the reactor after package "
                    + "(./mvnw -B verify), not on their own");
        }
        Files.copy(built, target.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    }
}
