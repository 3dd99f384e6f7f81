package dev.burnrate.plugins.samplefolder;

import dev.burnrate.api.PluginContext;
import dev.burnrate.api.PluginSetting;
import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.api.UsageSource;
import dev.burnrate.api.UsageSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * Imports the FOCUS CSV files ({@code *.csv}) dropped in a folder: each run delivers the files it has not delivered
 * before, oldest name first, as one batch. The folder is the plugin setting {@value #FOLDER_SETTING} (read on every
 * run, so a change applies at once). Which files were delivered is kept in the portal's store for this plugin
 * ({@code file:<name>} holding the file's SHA-256), written only when the portal acknowledges the batch, so a batch
 * the portal could not store is read again next run.
 */
@Extension
public class FolderUsageSource implements UsageSource {
    static final String ID = "sample-folder";
    static final String FOLDER_SETTING = "folder";
    private static final String KEY = "file:";

    private PluginContext context;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Sample folder of FOCUS CSV files";
    }

    @Override
    public List<PluginSetting> settings() {
        return List.of(PluginSetting.string(FOLDER_SETTING, "Folder").asRequired()
                .withDescription("The folder on the portal's server that FOCUS CSV files are dropped into"));
    }

    @Override
    public void init(PluginContext context) {
        this.context = context;
    }

    @Override
    public UsageBatch fetchUsage() throws UsageSourceException {
        Path folder = folder();
        List<UsageRecord> rows = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        for (Path file : newFiles(folder)) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UsageSourceException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
            }
            String name = file.getFileName().toString();
            rows.addAll(FocusCsv.parse(name, new String(content, StandardCharsets.UTF_8)));
            delivered.add(name + "=" + sha256(content));
        }
        if (delivered.isEmpty()) {
            return UsageBatch.empty();
        }
        String names = delivered.stream().map(d -> d.substring(0, d.lastIndexOf('='))).reduce((a, b) -> a + ", " + b)
                .orElse("");
        return new UsageBatch(rows, String.join("\n", delivered), delivered.size() + " file(s): " + names);
    }

    @Override
    public void acknowledge(UsageBatch batch) {
        for (String entry : batch.checkpoint().split("\n")) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0) {
                context.store().put(KEY + entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
    }

    private Path folder() throws UsageSourceException {
        String configured = context.setting(FOLDER_SETTING).filter(s -> !s.isBlank()).orElseThrow(() ->
                new UsageSourceException("no folder is set: give the plugin setting '" + FOLDER_SETTING
                        + "' (portal setting plugin." + context.pluginId() + "." + FOLDER_SETTING + ")"));
        Path folder = Path.of(configured.trim());
        if (!Files.isDirectory(folder)) {
            throw new UsageSourceException("the folder " + folder + " does not exist or is not a folder");
        }
        return folder;
    }

    private List<Path> newFiles(Path folder) throws UsageSourceException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .filter(f -> context.store().get(KEY + f.getFileName()).isEmpty())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageSourceException("cannot list the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
