package dev.burnrate.portal.usagesource;

import dev.burnrate.api.UsageSourceException;
import dev.burnrate.portal.base.BurnrateProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's built-in file importers (FOCUS CSV, Arrow IPC, Parquet: the same ones as an upload on the Usage page)
 * as a usage source: files dropped in a folder on the server ({@code burnrate.usage-sources.drop-folder}, by default
 * {@code <data-dir>/usage-drop}) are imported one per run, oldest name first, each as a new version of the dataset
 * with its full FOCUS columns, in lenient mode as an upload by default (rows with errors are quarantined). A file that was stored (or equals a version already stored) moves to
 * {@code imported/}; a rejected one to {@code rejected/}, so it does not block the files after it (the run history
 * keeps why). The folder is the operator's, not a page setting: administrators cannot point the portal at
 * arbitrary server paths.
 */
@Component
class ServerFolderFileSource implements BuiltinFileSource {
    static final String ID = "server-folder";
    private static final String[] FORMATS = {".csv", ".arrow", ".arrows", ".ipc", ".feather", ".parquet"};

    private final Path folder;

    ServerFolderFileSource(BurnrateProperties properties,
                           @Value("${burnrate.usage-sources.drop-folder:}") String dropFolder) {
        this.folder = dropFolder.isBlank() ? properties.dataDir().resolve("usage-drop") : Path.of(dropFolder);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "FOCUS files in the server's drop folder (CSV, Arrow IPC, Parquet)";
    }

    Path folder() {
        return folder;
    }

    @Override
    public Optional<Path> nextFile() throws UsageSourceException {
        if (!Files.isDirectory(folder)) {
            throw new UsageSourceException("the drop folder " + folder + " does not exist (set "
                    + "burnrate.usage-sources.drop-folder or create it)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ServerFolderFileSource::isFocusFile).sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UsageSourceException("cannot list the drop folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void settle(Path file, boolean stored) throws UsageSourceException {
        Path target = folder.resolve(stored ? "imported" : "rejected");
        try {
            Files.createDirectories(target);
            Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UsageSourceException("cannot move " + file.getFileName() + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isFocusFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String format : FORMATS) {
            if (name.endsWith(format)) {
                return true;
            }
        }
        return false;
    }
}
