package dev.burnrate.portal.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The plugin jars shipped inside the portal ({@code classpath:builtin-plugins/*.jar}, copied there by the build),
 * read from the class path so they work from the executable jar as well as from target/classes.
 */
@Component
public class BuiltinPlugins {
    static final String LOCATION = "classpath*:builtin-plugins/*.jar";

    /** A shipped jar and what its manifest says. */
    public record Builtin(String fileName, String pluginId, String version, byte[] content) {
        InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }

    List<Builtin> list() {
        try {
            List<Builtin> result = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                byte[] content;
                try (InputStream in = resource.getInputStream()) {
                    content = in.readAllBytes();
                }
                Attributes manifest = manifest(content, resource.getFilename());
                result.add(new Builtin(resource.getFilename(), manifest.getValue("Plugin-Id"),
                        manifest.getValue("Plugin-Version"), content));
            }
            result.sort(Comparator.comparing(Builtin::fileName));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in plugins", e);
        }
    }

    private static Attributes manifest(byte[] jar, String name) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Plugin-Id") == null) {
                throw new IOException("built-in plugin " + name + " has no Plugin-Id in its manifest");
            }
            return manifest.getMainAttributes();
        }
    }
}
