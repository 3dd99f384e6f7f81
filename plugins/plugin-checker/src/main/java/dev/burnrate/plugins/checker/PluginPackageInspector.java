package dev.burnrate.plugins.checker;

import dev.burnrate.api.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pf4j.DefaultVersionManager;

/**
 * Checks a plugin archive before anything of it is loaded: descriptor present, id and version well-formed, the
 * required API range satisfied by {@link ApiVersion#CURRENT}, an extension index naming classes that are present,
 * no bundled copy of the API or PF4J, and no class that calls what would end the portal process (see
 * {@link ProcessCallScanner}). Every problem is reported, each saying what to fix.
 *
 * <p>This one class is the check: the portal runs it on every upload and on every archive in its plugins folder,
 * and the testkit's {@code PluginJarChecker} runs it on a plugin author's built jar, so a jar whose tests pass is
 * a jar the portal accepts.
 */
public final class PluginPackageInspector {
    /** Plugin ids: lower-case letters, digits and dashes; they become file names and URL segments. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private final DefaultVersionManager versions = new DefaultVersionManager();

    /**
     * @param archive  the archive on disk
     * @param fileName the name it was uploaded as (decides jar or zip)
     * @param sha256   its hash, computed while it was written
     */
    public PluginPackage inspect(Path archive, String fileName, String sha256) throws PluginCheckException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean zip = lower.endsWith(".zip");
        if (!zip && !lower.endsWith(".jar")) {
            throw new PluginCheckException(fileName, List.of("the file must be a plugin .jar or .zip"));
        }
        List<String> problems = new ArrayList<>();
        try (ZipFile file = new ZipFile(archive.toFile())) {
            PluginArchive content = new PluginArchive(file, zip);
            Properties descriptor = content.descriptor();
            if (descriptor == null) {
                throw new PluginCheckException(fileName, List.of(zip
                        ? "no plugin.properties (or classes/META-INF/MANIFEST.MF) in the zip"
                        : "no META-INF/MANIFEST.MF: the jar needs one with Plugin-Id, Plugin-Version and Plugin-Requires"));
            }
            String id = checkId(descriptor.getProperty("Plugin-Id"), problems);
            String version = checkVersion(descriptor.getProperty("Plugin-Version"), problems);
            String requires = checkRequires(descriptor.getProperty("Plugin-Requires"), problems);
            Set<String> classes = new HashSet<>(content.classFiles());
            String pluginClass = blankToNull(descriptor.getProperty("Plugin-Class"));
            if (pluginClass == null) {
                problems.add("Plugin-Class is missing: name the plugin's class (one that extends org.pf4j.Plugin, "
                        + "e.g. com.example.MyPlugin) in the manifest");
            } else if (!classes.contains(pluginClass.replace('.', '/') + ".class")) {
                problems.add("Plugin-Class " + pluginClass + " is not in the archive");
            }
            List<String> extensions = content.extensionIndex();
            checkExtensions(extensions, classes, problems);
            classes.stream().filter(c -> c.startsWith("dev/burnrate/api/") || c.startsWith("org/pf4j/")).findFirst()
                    .ifPresent(c -> problems.add("bundles " + c + ": the Burnrate API and PF4J must be 'provided' "
                            + "dependencies, not packed into the plugin"));
            problems.addAll(ProcessCallScanner.scan(archive));
            if (!problems.isEmpty()) {
                throw new PluginCheckException(fileName, problems);
            }
            return new PluginPackage(id, version, blankToNull(descriptor.getProperty("Plugin-Provider")), requires,
                    blankToNull(descriptor.getProperty("Plugin-Description")), pluginClass, fileName, sha256,
                    Files.size(archive), extensions);
        } catch (ZipException e) {
            throw new PluginCheckException(fileName, List.of("not a readable jar/zip archive (" + e.getMessage() + ")"));
        } catch (IOException e) {
            throw new PluginCheckException(fileName, List.of("cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Checks an archive without installing anything: the problems the portal would refuse it for, none when it
     * is installable. For plugin authors' builds (the testkit's jar check) and tools.
     *
     * @param archive a plugin jar or zip; its file name decides which
     */
    public List<String> problems(Path archive) throws IOException {
        String fileName = archive.getFileName().toString();
        try {
            inspect(archive, fileName, sha256(archive));
            return List.of();
        } catch (PluginCheckException e) {
            return e.problems();
        }
    }

    /** The classes the archive's extension index lists (for a zip also those of its lib/*.jar), unchecked. */
    public List<String> extensionClassNames(Path archive) throws IOException {
        try (ZipFile file = new ZipFile(archive.toFile())) {
            return new PluginArchive(file, archive.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .extensionIndex();
        }
    }

    /** SHA-256 of a file as lower-case hex, as the portal records it for every installed archive. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String checkId(String id, List<String> problems) {
        if (blankToNull(id) == null) {
            problems.add("Plugin-Id is missing from the manifest");
            return null;
        }
        if (!ID.matcher(id.strip()).matches()) {
            problems.add("Plugin-Id '" + id + "' must be 2-64 lower-case letters, digits or dashes, starting with a letter");
        }
        return id.strip();
    }

    private static String checkVersion(String version, List<String> problems) {
        if (blankToNull(version) == null) {
            problems.add("Plugin-Version is missing from the manifest");
            return null;
        }
        if (!SEMVER.matcher(version.strip()).matches()) {
            problems.add("Plugin-Version '" + version + "' is not a semantic version such as 1.2.0");
        }
        return version.strip();
    }

    private String checkRequires(String requires, List<String> problems) {
        if (blankToNull(requires) == null) {
            problems.add("Plugin-Requires is missing: declare the Burnrate API range the plugin was built for, e.g. "
                    + ApiVersion.RECOMMENDED_REQUIRES);
            return null;
        }
        String expression = requires.strip();
        if (expression.matches("\\d+\\.\\d+\\.\\d+")) {
            expression = ">=" + expression; // PF4J reads a bare version as a minimum
        }
        try {
            if (!versions.checkVersionConstraint(ApiVersion.CURRENT, expression)) {
                problems.add("requires Burnrate API " + requires.strip() + " but this portal provides API "
                        + ApiVersion.CURRENT);
            }
        } catch (RuntimeException e) {
            problems.add("Plugin-Requires '" + requires + "' is not a version range such as "
                    + ApiVersion.RECOMMENDED_REQUIRES);
        }
        return requires.strip();
    }

    private static void checkExtensions(List<String> extensions, Set<String> classes, List<String> problems) {
        if (extensions.isEmpty()) {
            problems.add("no extensions: META-INF/extensions.idx is missing or empty (annotate the extension class "
                    + "with @Extension and put pf4j in the compiler's annotationProcessorPaths)");
        }
        for (String extension : extensions) {
            if (!classes.contains(extension.replace('.', '/') + ".class")) {
                problems.add("the extension index names " + extension + " but the class is not in the archive");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
