package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.engine.plugin.PluginInfo;
import dev.burnrate.engine.plugin.PluginInstallException;
import dev.burnrate.engine.plugin.PluginInstallResult;
import dev.burnrate.engine.plugin.PluginValidationException;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin > Plugins: list, upload (a newer version upgrades in place), enable, disable, uninstall (refused while
 * live resources would lose their provider, unless confirmed). ADMIN only; every change, and every refused upload, is
 * audited. The plugin folder is not transactional, so transactions are explicit here: an install whose record
 * cannot be written is uninstalled again, and an uninstall happens last inside the transaction that records it.
 */
@Service
public class PluginAdminService {
    private static final Logger log = LoggerFactory.getLogger(PluginAdminService.class);

    private final PluginHost host;
    private final PluginInstallRepository installs;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final PluginCatalogService catalog;
    private final PluginOrphans orphans;
    private final PluginWarnings warnings;
    private final PluginSettingsService settings;

    public PluginAdminService(PluginHost host, PluginInstallRepository installs, AuditService audit,
                              CurrentUser currentUser, Clock clock, PlatformTransactionManager transactions,
                              PluginCatalogService catalog, PluginOrphans orphans, PluginWarnings warnings,
                              PluginSettingsService settings) {
        this.host = host;
        this.settings = settings;
        this.catalog = catalog;
        this.orphans = orphans;
        this.warnings = warnings;
        this.installs = installs;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<PluginSummary> list() {
        Map<String, PluginInstallRecord> records = tx.execute(s -> installs.findAllActive().stream()
                .collect(Collectors.toMap(PluginInstallRecord::pluginId, Function.identity(), (a, b) -> b)));
        return host.plugins().stream().map(info -> summary(info, records.get(info.id()))).toList();
    }

    /** The labels of a started plugin's required settings not set yet (its settings page sets them). */
    @RolesAllowed(Role.Names.ADMIN)
    public List<String> missingSettings(String pluginId) {
        return settings.missingRequired(pluginId);
    }

    /**
     * Checks and installs an uploaded jar or zip.
     *
     * @throws PluginUploadException with what to fix; nothing is installed then
     */
    @RolesAllowed(Role.Names.ADMIN)
    public PluginSummary install(String fileName, byte[] content) throws PluginUploadException {
        return install(fileName, content, PluginSource.UPLOAD).plugin();
    }

    /**
     * Like {@link #install}, saying whether it upgraded: a newer version of an installed plugin replaces it in place
     * (settings, stored state and its providers' resources carry over); the old version runs on if the new one
     * fails. The same or an older version is refused.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public PluginInstallOutcome installOrUpgrade(String fileName, byte[] content) throws PluginUploadException {
        return install(fileName, content, PluginSource.UPLOAD);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public PluginSummary enable(String pluginId) {
        PluginSummary enabled = change("plugin.enable", pluginId, () -> host.enable(pluginId));
        catalog.warmInBackground();
        return enabled;
    }

    @RolesAllowed(Role.Names.ADMIN)
    public PluginSummary disable(String pluginId) {
        return change("plugin.disable", pluginId, () -> host.disable(pluginId));
    }

    /** The live resources (every team's) that uninstalling the plugin would leave without a provider. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<OrphanedResource> orphanedBy(String pluginId) {
        PluginInfo plugin = requirePlugin(pluginId);
        return tx.execute(s -> orphans.of(plugin));
    }

    /**
     * Uninstalls a plugin that no live resource depends on.
     *
     * @throws PluginOrphansException when live resources of its providers exist; nothing changes then
     */
    @RolesAllowed(Role.Names.ADMIN)
    public void uninstall(String pluginId) {
        uninstall(pluginId, false);
    }

    /**
     * Uninstalls a plugin; with {@code orphanResources} also when live resources of its providers would be left
     * without a provider (the audit entry lists them), otherwise that is refused.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public void uninstall(String pluginId, boolean orphanResources) {
        PluginInfo before = requirePlugin(pluginId);
        tx.executeWithoutResult(s -> {
            List<OrphanedResource> orphaned = orphans.of(before);
            if (!orphaned.isEmpty() && !orphanResources) {
                throw new PluginOrphansException(pluginId, orphaned);
            }
            installs.markUninstalled(pluginId, clock.instant(), currentUser.actor());
            Map<String, Object> view = auditView(before);
            if (!orphaned.isEmpty()) {
                view.put("orphanedResources", orphaned.stream().map(OrphanedResource::id).toList());
            }
            audit.record("plugin.uninstall", "plugin:" + pluginId, view, null);
            host.uninstall(pluginId); // last: if it fails, the record and audit entry roll back
        });
    }

    /**
     * Installs the shipped plugins that were never installed, and upgrades a built-in whose shipped version
     * changed. Failures are logged and audited; they do not stop the portal.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public void installBuiltins(List<BuiltinPlugins.Builtin> builtins) {
        for (BuiltinPlugins.Builtin builtin : builtins) {
            var active = tx.execute(s -> installs.findActive(builtin.pluginId()));
            boolean ever = Boolean.TRUE.equals(tx.execute(s -> installs.everInstalled(builtin.pluginId())));
            boolean upgrade = active != null && active.isPresent() && active.get().source() == PluginSource.BUILTIN
                    && !active.get().version().equals(builtin.version());
            if ((ever && !upgrade) || (!ever && host.plugin(builtin.pluginId()).isPresent())) {
                continue;
            }
            try {
                // A newer shipped version upgrades in place; an older one (a portal rolled back) replaces it.
                if (upgrade && host.plugin(builtin.pluginId()).isPresent()
                        && !isNewer(builtin.version(), active.get().version())) {
                    uninstall(builtin.pluginId(), true);
                }
                install(builtin.fileName(), builtin.content(), PluginSource.BUILTIN);
            } catch (PluginUploadException | RuntimeException e) {
                log.error("Built-in plugin {} was not installed: {}", builtin.fileName(), e.getMessage(), e);
            }
        }
    }

    private PluginInstallOutcome install(String fileName, byte[] content, PluginSource source)
            throws PluginUploadException {
        PluginInstallResult result;
        try {
            result = host.installOrUpgrade(fileName, new ByteArrayInputStream(content));
        } catch (PluginInstallException e) {
            List<String> problems = e instanceof PluginValidationException v ? v.problems() : List.of();
            tx.executeWithoutResult(s -> audit.record("plugin.install-refused", "plugin-upload:" + fileName, null,
                    Map.of("fileName", fileName, "sha256", sha256(content), "source", source.name(),
                            "reason", e.getMessage())));
            throw new PluginUploadException(e.getMessage(), problems);
        }
        PluginInfo info = result.plugin();
        String replaced = result.replacedVersion();
        try {
            tx.executeWithoutResult(s -> {
                var providerIds = orphans.providerIds(info);
                if (replaced != null) {
                    installs.markUninstalled(info.id(), clock.instant(), currentUser.actor());
                }
                installs.recordInstall(info.id(), info.version(), info.sha256(), info.fileName(), source,
                        clock.instant(), currentUser.actor(), providerIds);
                Map<String, Object> after = auditView(info);
                after.put("source", source.name());
                if (replaced == null) {
                    audit.record("plugin.install", "plugin:" + info.id(), null, after);
                } else {
                    after.put("summary", "plugin upgraded from " + replaced + " to " + info.version());
                    audit.record("plugin.upgrade", "plugin:" + info.id(), Map.of("version", replaced), after);
                }
            });
        } catch (RuntimeException e) {
            if (replaced == null) {
                host.uninstall(info.id()); // the install could not be recorded: leave nothing behind
            } else {
                // the old archive is gone: the upgraded plugin keeps running, the record still names the old one
                log.error("Plugin {} was upgraded from {} to {} but the upgrade could not be recorded", info.id(),
                        replaced, info.version(), e);
            }
            throw e;
        }
        catalog.warmInBackground();
        return new PluginInstallOutcome(summary(info, tx.execute(s -> installs.findActive(info.id()).orElse(null))),
                replaced);
    }

    private PluginSummary change(String action, String pluginId, java.util.function.Supplier<PluginInfo> operation) {
        PluginInfo before = requirePlugin(pluginId);
        PluginInfo after = tx.execute(s -> {
            PluginInfo result = operation.get();
            audit.record(action, "plugin:" + pluginId, auditView(before), auditView(result));
            return result;
        });
        return summary(after, tx.execute(s -> installs.findActive(pluginId).orElse(null)));
    }

    private PluginInfo requirePlugin(String pluginId) {
        return host.plugin(pluginId).orElseThrow(() -> new IllegalArgumentException("no plugin '" + pluginId + "'"));
    }

    private static Map<String, Object> auditView(PluginInfo info) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", info.id());
        view.put("version", info.version());
        view.put("state", info.state().name());
        view.put("sha256", info.sha256());
        view.put("fileName", info.fileName());
        return view;
    }

    private PluginSummary summary(PluginInfo info, PluginInstallRecord record) {
        return new PluginSummary(info.id(), info.version(), info.provider(), info.description(), info.state(),
                info.extensions(), info.error(), info.sha256(), info.fileName(),
                record == null ? null : record.source(), record == null ? null : record.installedAt(),
                record == null ? null : record.installedBy(), warnings.of(info.id()));
    }

    private static boolean isNewer(String candidate, String installed) {
        return new org.pf4j.DefaultVersionManager().compareVersions(candidate, installed) > 0;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
