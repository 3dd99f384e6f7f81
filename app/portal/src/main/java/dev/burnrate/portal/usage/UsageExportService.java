package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.VersionExport;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.springframework.stereotype.Service;

/** Downloads of whole versions and of their quarantined rows; ADMIN and FINANCE only (every team's rows). */
@Service
public class UsageExportService {

    public enum ExportFormat { ARROW, CSV }

    private final UsageRepository repository;
    private final DatasetStore store;
    private final VersionTables tables;

    public UsageExportService(UsageRepository repository, DatasetStore store, VersionTables tables) {
        this.repository = repository;
        this.store = store;
        this.tables = tables;
    }

    /** Writes a whole version; ADMIN and FINANCE only, since a version holds every team's rows. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void writeVersion(String versionKey, ExportFormat format, OutputStream out) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        tables.withTable(v, table -> {
            try {
                if (format == ExportFormat.ARROW) {
                    try (BufferAllocator job = store.newJobAllocator("export-" + versionKey)) {
                        VersionExport.writeArrowStream(table, out, job);
                    }
                } else {
                    VersionExport.writeCsv(table, out);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void writeQuarantine(String versionKey, OutputStream out) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        Path q = store.quarantineFile(v.dataset(), versionKey)
                .orElseThrow(() -> new IllegalArgumentException("version " + versionKey + " has no quarantined rows"));
        try {
            Files.copy(q, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
