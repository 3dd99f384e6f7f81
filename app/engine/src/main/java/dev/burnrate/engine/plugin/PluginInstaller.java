package dev.burnrate.engine.plugin;

import dev.burnrate.plugins.checker.PluginCheckException;
import dev.burnrate.plugins.checker.PluginPackage;
import dev.burnrate.plugins.checker.PluginPackageInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * One upload: stage it, hash it, check it is admitted (allow-list, safe mode), inspect it (bytecode included), refuse
 * clashes, move it into the plugins folder, load and start it (with its check calls). A newer version of an
 * installed plugin replaces it in place ({@link PluginUpgrade}).
 * Any failure undoes every step, so the folder and the host look as they did before.
 */
final class PluginInstaller {
    private final PluginHostConfig config;
    private final PluginSafety safety;
    private final PluginLifecycle lifecycle;
    private final Map<String, LoadedPlugin> plugins;
    private final PluginPackageInspector inspector = new PluginPackageInspector();

    PluginInstaller(PluginHostConfig config, PluginSafety safety, PluginLifecycle lifecycle,
                    Map<String, LoadedPlugin> plugins) {
        this.config = config;
        this.safety = safety;
        this.lifecycle = lifecycle;
        this.plugins = plugins;
    }

    /** What an install did: the started plugin, and the version it replaced ({@code null} for a new plugin). */
    record Installed(LoadedPlugin plugin, String replacedVersion) {
    }

    Installed install(String uploadedName, InputStream content) throws PluginInstallException {
        String fileName = safeName(uploadedName);
        Path staged = null;
        Path installed = null;
        LoadedPlugin plugin = null;
        try {
            Files.createDirectories(config.stagingDir());
            staged = Files.createTempFile(config.stagingDir(), "upload-", ".part");
            String sha256 = copyAndHash(content, staged, fileName);
            refuseUnadmitted(fileName, sha256);
            PluginPackage pkg = inspect(staged, fileName, sha256);
            LoadedPlugin existing = plugins.get(pkg.id());
            if (existing != null) {
                String replaced = existing.version;
                return new Installed(new PluginUpgrade(config, lifecycle, plugins).replace(existing, staged, pkg),
                        replaced);
            }
            refuseClash(pkg);
            installed = config.pluginsDir().resolve(pkg.installedFileName());
            Files.move(staged, installed, StandardCopyOption.ATOMIC_MOVE);
            plugin = lifecycle.load(installed, pkg);
            if (plugin.inPf4j && plugin.error == null) {
                lifecycle.start(plugin);
            }
            if (plugin.error != null) {
                throw new PluginInstallException(fileName + " (plugin " + pkg.id() + ") was not installed: "
                        + plugin.error);
            }
            plugins.put(plugin.id, plugin);
            return new Installed(plugin, null);
        } catch (IOException e) {
            rollback(plugin, installed);
            throw new PluginInstallException(fileName + " was not installed: " + e.getMessage(), e);
        } catch (PluginInstallException | RuntimeException e) {
            rollback(plugin, installed);
            throw e;
        } finally {
            if (staged != null) {
                PluginHost.deleteQuietly(staged);
            }
        }
    }

    private PluginPackage inspect(Path staged, String fileName, String sha256) throws PluginValidationException {
        try {
            return inspector.inspect(staged, fileName, sha256);
        } catch (PluginCheckException e) {
            throw new PluginValidationException(fileName, e.problems());
        }
    }

    private void refuseUnadmitted(String fileName, String sha256) throws PluginInstallException {
        String refusal = safety.refusal(sha256);
        if (refusal != null) {
            throw new PluginValidationException(fileName, List.of(refusal));
        }
        if (safety.skippedInSafeMode(sha256)) {
            throw new PluginInstallException(fileName + " was not installed: the portal runs in safe mode, which "
                    + "loads only the built-in plugins; restart it without safe mode to install uploads");
        }
    }

    private void refuseClash(PluginPackage pkg) throws PluginInstallException {
        if (Files.exists(config.pluginsDir().resolve(pkg.installedFileName()))) {
            throw new PluginInstallException("the plugins folder already holds " + pkg.installedFileName());
        }
    }

    private void rollback(LoadedPlugin plugin, Path installed) {
        if (plugin != null) {
            lifecycle.remove(plugin);
            plugins.remove(plugin.id, plugin);
        } else if (installed != null) {
            PluginHost.deleteQuietly(installed);
        }
    }

    private String copyAndHash(InputStream content, Path staged, String fileName) throws IOException,
            PluginValidationException {
        MessageDigest digest = Sha256.digest();
        long limit = config.maxUploadBytes();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(staged), digest)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = content.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new PluginValidationException(fileName, List.of("larger than the upload limit of "
                            + (limit >> 20) + " MiB"));
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new PluginValidationException(fileName, List.of("the file is empty"));
            }
        }
        return Sha256.hex(digest);
    }

    /** Only the last path segment of an uploaded name, so an upload cannot name a file outside the folder. */
    static String safeName(String uploadedName) {
        if (uploadedName == null || uploadedName.isBlank()) {
            return "upload.jar";
        }
        String name = uploadedName.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
