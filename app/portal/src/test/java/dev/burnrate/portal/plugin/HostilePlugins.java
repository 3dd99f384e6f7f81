package dev.burnrate.portal.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The hostile plugin set as real jars, built in a temporary folder the way the engine's plugin tests build theirs:
 * the sources under {@code src/test/plugins/hostile} compiled with PF4J's annotation processor, one jar per
 * package (with the shared base class), plus an archive that is not a zip and one that needs a future API.
 */
final class HostilePlugins {

    private final Path classes;
    private final List<String> index;

    private HostilePlugins(Path classes, List<String> index) {
        this.classes = classes;
        this.index = index;
    }

    static HostilePlugins compile(Path dir) throws IOException {
        List<String> files;
        try (Stream<Path> tree = Files.walk(Path.of("src/test/plugins/hostile"))) {
            files = tree.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path classes = Files.createDirectories(dir.resolve("hostile-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                "-Xlint:none", "-nowarn"));
        args.addAll(files);
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("compiling the hostile plugins failed");
        }
        List<String> index = Files.readAllLines(classes.resolve("META-INF/extensions.idx")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        return new HostilePlugins(classes, index);
    }

    /** {@code hostile-<pkg>.jar} with plugin id {@code hostile-<pkg>}. */
    Path jar(String pkg, Path dir) throws IOException {
        return jar(pkg, dir, ">=1.0.0 & <2.0.0");
    }

    Path jar(String pkg, Path dir, String requires) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "hostile-" + pkg);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Provider", "A hostile third party");
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Class", "hostile.base.HostilePlugin");
        Path jar = dir.resolve("hostile-" + pkg + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (String folder : List.of("hostile/" + pkg, "hostile/base")) {
                try (Stream<Path> tree = Files.walk(classes.resolve(folder))) {
                    for (Path file : tree.filter(Files::isRegularFile).toList()) {
                        put(zip, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
            String lines = index.stream().filter(l -> l.startsWith("hostile." + pkg + "."))
                    .reduce("", (a, b) -> a + b + "\n");
            put(zip, "META-INF/extensions.idx", lines.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** A file named like a plugin that is not an archive at all. */
    static Path notAZip(Path dir) throws IOException {
        return Files.writeString(dir.resolve("hostile-not-a-zip.jar"), "this is not a zip file");
    }

    /** A well-formed plugin that needs an API this portal does not provide. */
    Path wrongApiVersion(Path dir) throws IOException {
        Path built = jar("throwing", Files.createDirectories(dir.resolve("future")), ">=9.0.0 & <10.0.0");
        return Files.move(built, dir.resolve("hostile-future-api.jar"));
    }

    private static void put(JarOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new JarEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
