package dev.burnrate.plugins.checker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads what inspection needs from a plugin jar, or from a PF4J plugin zip ({@code plugin.properties} or
 * {@code classes/META-INF/MANIFEST.MF}, classes under {@code classes/}, libraries under {@code lib/}).
 */
final class PluginArchive {
    static final String INDEX = "META-INF/extensions.idx";

    private final ZipFile zip;
    private final boolean pf4jZip;

    PluginArchive(ZipFile zip, boolean pf4jZip) {
        this.zip = zip;
        this.pf4jZip = pf4jZip;
    }

    /** The descriptor as properties with PF4J manifest keys (Plugin-Id, ...), or null when there is none. */
    Properties descriptor() throws IOException {
        if (pf4jZip) {
            ZipEntry properties = zip.getEntry("plugin.properties");
            if (properties != null) {
                return fromPluginProperties(read(properties));
            }
        }
        ZipEntry manifest = zip.getEntry(pf4jZip ? "classes/META-INF/MANIFEST.MF" : "META-INF/MANIFEST.MF");
        if (manifest == null) {
            return null;
        }
        Properties result = new Properties();
        new Manifest(new ByteArrayInputStream(read(manifest))).getMainAttributes()
                .forEach((key, value) -> result.setProperty(key.toString(), value.toString()));
        return result;
    }

    /** Class names from every extension index in the archive (for zips also those inside lib/*.jar). */
    List<String> extensionIndex() throws IOException {
        List<String> names = new ArrayList<>();
        ZipEntry index = zip.getEntry(pf4jZip ? "classes/" + INDEX : INDEX);
        if (index != null) {
            parseIndex(read(index), names);
        }
        if (pf4jZip) {
            for (ZipEntry lib : entries("lib/")) {
                try (ZipInputStream inner = new ZipInputStream(zip.getInputStream(lib))) {
                    for (ZipEntry e; (e = inner.getNextEntry()) != null; ) {
                        if (e.getName().equals(INDEX)) {
                            parseIndex(inner.readAllBytes(), names);
                        }
                    }
                }
            }
        }
        return names;
    }

    /** All class files, as names relative to the class path root (lib jars included). */
    List<String> classFiles() throws IOException {
        List<String> classes = new ArrayList<>();
        String prefix = pf4jZip ? "classes/" : "";
        for (ZipEntry entry : entries(prefix)) {
            if (entry.getName().endsWith(".class")) {
                classes.add(entry.getName().substring(prefix.length()));
            }
        }
        if (pf4jZip) {
            for (ZipEntry lib : entries("lib/")) {
                try (ZipInputStream inner = new ZipInputStream(zip.getInputStream(lib))) {
                    for (ZipEntry e; (e = inner.getNextEntry()) != null; ) {
                        if (e.getName().endsWith(".class")) {
                            classes.add(e.getName());
                        }
                    }
                }
            }
        }
        return classes;
    }

    private List<ZipEntry> entries(String prefix) {
        List<ZipEntry> list = new ArrayList<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(prefix)
                    && (!prefix.equals("lib/") || entry.getName().endsWith(".jar"))) {
                list.add(entry);
            }
        }
        return list;
    }

    private byte[] read(ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void parseIndex(byte[] content, List<String> names) {
        for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                names.add(trimmed);
            }
        }
    }

    /** plugin.properties keys (plugin.id, ...) mapped to the manifest names used everywhere else. */
    private static Properties fromPluginProperties(byte[] content) throws IOException {
        Properties raw = new Properties();
        raw.load(new ByteArrayInputStream(content));
        Properties result = new Properties();
        String[][] keys = {{"plugin.id", "Plugin-Id"}, {"plugin.version", "Plugin-Version"},
                {"plugin.requires", "Plugin-Requires"}, {"plugin.provider", "Plugin-Provider"},
                {"plugin.class", "Plugin-Class"}, {"plugin.description", "Plugin-Description"},
                {"plugin.dependencies", "Plugin-Dependencies"}};
        for (String[] key : keys) {
            if (raw.getProperty(key[0]) != null) {
                result.setProperty(key[1], raw.getProperty(key[0]));
            }
        }
        return result;
    }
}
