package dev.burnrate.engine.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin archives in a temporary folder: the sources under {@code src/test/plugins} are compiled once
 * with PF4J's annotation processor (as a plugin build would), then packed per plugin with the manifest a test asks
 * for.
 */
final class TestPlugins {
    static final String REQUIRES = ">=1.0.0 & <2.0.0";

    private final Path classes;
    private final List<String> index;

    private TestPlugins(Path classes, List<String> index) {
        this.classes = classes;
        this.index = index;
    }

    /** Compiles every test plugin source into {@code dir/classes}. */
    static TestPlugins compile(Path dir) throws IOException {
        Path sources = Path.of("src/test/plugins");
        List<String> files;
        try (Stream<Path> tree = Files.walk(sources)) {
            files = tree.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                "-Xlint:none", "-nowarn"));
        args.addAll(files);
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("compiling the test plugins failed");
        }
        Path idx = classes.resolve("META-INF/extensions.idx");
        List<String> index = Files.readAllLines(idx).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        return new TestPlugins(classes, index);
    }

    /** A jar of the classes in {@code testplugin.<pkg>} with a manifest; the descriptor map may drop entries. */
    Builder plugin(String pkg) {
        return new Builder(pkg);
    }

    final class Builder {
        private final String pkg;
        private final Map<String, String> descriptor = new LinkedHashMap<>();
        private final Map<String, byte[]> extra = new LinkedHashMap<>();
        private boolean withIndex = true;

        private Builder(String pkg) {
            this.pkg = pkg;
            descriptor.put("Plugin-Id", pkg + "-plugin");
            descriptor.put("Plugin-Version", "1.0.0");
            descriptor.put("Plugin-Provider", "Tests");
            descriptor.put("Plugin-Requires", REQUIRES);
            descriptor.put("Plugin-Class", "testplugin." + pkg + ".TestPlugin");
        }

        Builder set(String key, String value) {
            if (value == null) {
                descriptor.remove(key);
            } else {
                descriptor.put(key, value);
            }
            return this;
        }

        Builder withoutIndex() {
            withIndex = false;
            return this;
        }

        Builder withEntry(String name, String content) {
            return withEntry(name, content.getBytes(StandardCharsets.UTF_8));
        }

        /** An extra entry, e.g. a library jar under lib/. */
        Builder withEntry(String name, byte[] content) {
            extra.put(name, content);
            return this;
        }

        Path jar(Path dir, String fileName) throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            descriptor.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
            Path jar = dir.resolve(fileName);
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
                write(zip, "");
            }
            return jar;
        }

        /** A PF4J zip: plugin.properties, classes/ and the index under classes/META-INF. */
        Path zip(Path dir, String fileName) throws IOException {
            Path zipFile = dir.resolve(fileName);
            try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out)) {
                StringBuilder properties = new StringBuilder();
                descriptor.forEach((k, v) -> properties.append(k.toLowerCase().replace("plugin-", "plugin."))
                        .append('=').append(v).append('\n'));
                put(zip, "plugin.properties", properties.toString().getBytes(StandardCharsets.UTF_8));
                write(zip, "classes/");
            }
            return zipFile;
        }

        private void write(ZipOutputStream zip, String prefix) throws IOException {
            Path root = classes.resolve("testplugin").resolve(pkg);
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path file : tree.filter(Files::isRegularFile).toList()) {
                    put(zip, prefix + classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            if (withIndex) {
                String lines = index.stream().filter(l -> l.startsWith("testplugin." + pkg + "."))
                        .reduce("", (a, b) -> a + b + "\n");
                put(zip, prefix + "META-INF/extensions.idx", lines.getBytes(StandardCharsets.UTF_8));
            }
            for (var entry : extra.entrySet()) {
                put(zip, prefix + entry.getKey(), entry.getValue());
            }
        }

        private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
            zip.putNextEntry(name.endsWith("MANIFEST.MF") ? new JarEntry(name) : new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
    }
}
