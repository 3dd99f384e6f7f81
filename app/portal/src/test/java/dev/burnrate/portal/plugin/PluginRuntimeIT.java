package dev.burnrate.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.plugin.HostPluginState;
import dev.burnrate.portal.audit.AuditEntry;
import dev.burnrate.portal.audit.AuditFilter;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.BrowserTestBase;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The plugin services in the running portal (the same context as the browser tests): built-in plugins provision
 * into the database through their PluginContext, admin changes are audited and recorded, built-ins an admin
 * uninstalled stay uninstalled, and non-admins are refused.
 */
class PluginRuntimeIT extends BrowserTestBase {

    @Autowired
    PluginCatalogService catalog;
    @Autowired
    PluginAdminService admin;
    @Autowired
    PluginInstallRepository installs;
    @Autowired
    BuiltinPlugins builtins;
    @Autowired
    AuditService audit;
    @Autowired
    DSLContext dsl;
    @Autowired
    PriceRefreshService prices;

    @Test
    void theBuiltInAwsChipsPluginDescribesTrainiumAndInferentia() {
        assertThat(catalog.hardwareSpec("trainium2")).hasValueSatisfying(spec -> {
            assertThat(spec.kind()).isEqualTo(dev.burnrate.api.HardwareKind.ACCELERATOR);
            assertThat(spec.peak(dev.burnrate.api.Precision.BF16)).isEqualTo(667);
        });
        assertThat(catalog.hardwareSpec("Inferentia2")).isPresent();
    }

    @Test
    void aBuiltInProviderProvisionsIntoThePortalsDatabaseIdempotently() throws Exception {
        CloudProvider aws = catalog.provider("aws").orElseThrow();
        CatalogOffering p5 = catalog.offering("aws/us-east-1/p5.48xlarge").orElseThrow();
        assertThat(p5.hardwareModel()).isEqualTo("H100");
        assertThat(p5.pricePerAcceleratorHour()).isEqualTo(55.04 / 8);
        assertThat(p5.pricePerBf16PflopHour()).isCloseTo(55.04 / (8 * 989.5 / 1000), org.assertj.core.api.Assertions.within(1e-9));

        var request = new ProvisionRequest("it-" + System.nanoTime(), p5.offering(), 1, PurchaseOption.SPOT,
                "training run", Map.of("team", "ml-research"), true, true);
        var first = aws.provision(request);
        var retry = aws.provision(request);
        assertThat(retry.resourceId()).isEqualTo(first.resourceId());
        assertThat(first.state()).isEqualTo(ResourceState.REQUESTED);
        int stored = dsl.fetchCount(dev.burnrate.portal.db.Tables.PLUGIN_STATE,
                dev.burnrate.portal.db.Tables.PLUGIN_STATE.PLUGIN_ID.eq("provider-aws")
                        .and(dev.burnrate.portal.db.Tables.PLUGIN_STATE.STATE_KEY.eq("resource/" + first.resourceId())));
        assertThat(stored).isEqualTo(1);
        assertThat(aws.deprovision(first.resourceId()).state()).isEqualTo(ResourceState.DELETED);
    }

    @Test
    void builtInProvidersSayWhichCatalogEditionTheirPricesComeFrom() {
        var byProvider = prices.priceLists().stream().collect(java.util.stream.Collectors.toMap(
                PriceRefreshService.ProviderPrices::providerId, p -> p.builtIn().map(e -> e.describe()).orElse("")));
        assertThat(byProvider).containsEntry("aws", "SkyPilot v9 @ 2c3d7ea of 2026-12-07")
                .containsEntry("gcp", "SkyPilot v9 @ 2c3d7ea of 2026-12-07")
                .containsEntry("azure", "SkyPilot v6 @ 098741e of 2026-12-07");
    }

    @Test
    void adminChangesAreAuditedAndUninstalledBuiltInsStayUninstalled() {
        SystemRunner.runAsSystem(() -> {
            assertThat(admin.disable("hardware-cpu").state()).isEqualTo(HostPluginState.DISABLED);
            assertThat(admin.enable("hardware-cpu").state()).isEqualTo(HostPluginState.STARTED);
            admin.uninstall("hardware-cpu");
            assertThat(installs.findActive("hardware-cpu")).isEmpty();

            admin.installBuiltins(builtins.list());
            assertThat(admin.list()).extracting(PluginSummary::id).doesNotContain("hardware-cpu");

            // Back as an upload, so the shared portal ends as it began.
            var cpu = builtins.list().stream().filter(b -> b.pluginId().equals("hardware-cpu")).findFirst().orElseThrow();
            try {
                PluginSummary restored = admin.install(cpu.fileName(), cpu.content());
                assertThat(restored.source()).isEqualTo(PluginSource.UPLOAD);
            } catch (PluginUploadException e) {
                throw new AssertionError(e);
            }
            List<String> actions = audit.find(AuditFilter.none(), 0, 20).stream().map(AuditEntry::action).toList();
            assertThat(actions).contains("plugin.disable", "plugin.enable", "plugin.uninstall", "plugin.install");
        });
    }

    @Test
    void onlyAdminsManagePlugins() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("engineer", null,
                List.of(new SimpleGrantedAuthority("ROLE_ENGINEER"))));
        SecurityContextHolder.setContext(context);
        try {
            assertThatThrownBy(() -> admin.list()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.disable("provider-aws")).isInstanceOf(AccessDeniedException.class);
            assertThat(catalog.providers()).extracting(ProviderSummary::providerId).contains("aws", "gcp", "azure");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
