package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.plugin.PluginAdminService;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.StoredRequest;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.security.SystemRunner;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.RunAs;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A third-party policy pack loaded from its jar: an administrator uploads it, finds its rule type in the Policies
 * page's Rule types tab, dry-runs a policy using it against a stored request, and the same rule, enabled, decides a
 * real request before anything is provisioned (and, with the plugin disabled, still refuses instead of letting the
 * request through). Its recommender's advice shows on /recommendations for the team, and its suggested request
 * opens the Provision page prefilled.
 */
class PolicyPackPluginIT extends ProvisioningTestBase {
    /** Copied there by the portal's build (maven-dependency-plugin, prepare-package). */
    private static final Path PACK_JAR = Paths.get("target", "it-plugins", "burnrate-example-sample-policy-pack.jar");
    private static final String PLUGIN = "sample-policy-pack";
    private static final String POLICY = """
            id: gpu-cap-it
            name: GPU cap (policy pack test)
            scope: all
            rules:
              - type: max_gpus_per_request
                max_gpus: 4
            """;

    @Autowired
    ApplicationContext app;
    @Autowired
    PluginHost host;
    @Autowired
    PluginAdminService admin;
    @Autowired
    PolicyService policies;
    @Autowired
    ProvisioningService provisioning;

    /** The portal is shared: the policy is switched off and the plugin removed whatever the test did. */
    @AfterEach
    void removeThePackAndItsPolicy() {
        if (SystemRunner.callAsSystem(() -> policies.get("gpu-cap-it")).map(p -> p.enabled()).orElse(false)) {
            SystemRunner.callAsSystem(() -> policies.setEnabled("gpu-cap-it", false));
        }
        if (host.plugin(PLUGIN).isPresent()) {
            SystemRunner.runAsSystem(() -> admin.uninstall(PLUGIN));
        }
    }

    private void installThroughTheAdminPage() {
        assertThat(PACK_JAR).as("the build copies the sample policy pack here").exists();
        loginAs("admin");
        open("admin/plugins");
        page.locator("#plugin-upload input[type=file]").setInputFiles(PACK_JAR);
        assertThat(page.locator("#upload-result")).containsText("Installed " + PLUGIN + " 1.0.0");
        assertThat(page.locator("span[data-plugin='" + PLUGIN + "']")).hasText("STARTED");
    }

    private StoredRequest submit(String user, Role role, RequestDraft draft) {
        return RunAs.user(app, user, () -> provisioning.submit(UUID.randomUUID().toString(), draft), role);
    }

    private static RequestDraft twoH100Nodes(String name) {
        return new RequestDraft(Template.GPU_TRAINING, "ml-research", null, name, "aws", "eu-north-1",
                "p5.48xlarge", 2, PurchaseOption.ON_DEMAND, 2.0, "internal",
                Map.of("cost-center", "CC-1234", "owner", "engineer"), true, true, true, false);
    }

    @Test
    void thePluginsRuleTypeIsListedDryRunAndDecidesRequestsBeforeProvisioning() {
        installThroughTheAdminPage();
        open("policies");
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("Rule types")).click();
        Locator type = page.locator("#rule-type-max_gpus_per_request");
        assertThat(type).containsText("type: max_gpus_per_request (plugin " + PLUGIN + ")");
        type.click();
        assertThat(type).containsText("max_gpus (whole number, required)");
        screenshot("policy-pack-rule-types");

        page.locator("#new-policy").click();
        waitForVaadin();
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("YAML")).click();
        page.locator("#policy-yaml textarea").fill(POLICY);
        page.locator("#policy-yaml textarea").press("Tab");
        waitForVaadin();
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("Dry run")).click();
        Locator request = page.locator("#dry-run-request input");
        request.click();
        request.fill("pretrain-run-1");
        page.locator("vaadin-combo-box-item:not([hidden])").filter(new Locator.FilterOptions()
                .setHasText("pretrain-run-1")).first().click();
        page.locator("#dry-run-request-button").click();
        waitForVaadin();
        assertThat(page.locator("#dry-run-outcome [data-value='DENY']")).isVisible();
        assertThat(page.locator("#dry-run-findings")).containsText("The request asks for 8 H100 accelerators");
        assertThat(page.locator("#dry-run-findings")).containsText("at most 4 are allowed per request");
        screenshot("policy-pack-dry-run");

        RunAs.user(app, "admin", () -> policies.save(null, POLICY, "policy pack test"), Role.ADMIN);
        StoredRequest denied = submit("engineer", Role.ENGINEER, twoH100Nodes("pack-too-many-gpus"));
        assertThat(denied.state()).isEqualTo(RequestState.DENIED);
        assertThat(denied.resourceId()).as("nothing was provisioned").isNull();
        assertThat(RunAs.user(app, "engineer", () -> provisioning.reasons(denied.id()), Role.ENGINEER))
                .contains("16 H100 accelerators").contains("at most 4");

        // A rule whose plugin cannot answer does not let the request through: its action (deny) applies.
        SystemRunner.runAsSystem(() -> admin.disable(PLUGIN));
        StoredRequest refused = submit("engineer", Role.ENGINEER, twoH100Nodes("pack-plugin-off"));
        assertThat(refused.state()).isEqualTo(RequestState.DENIED);
        assertThat(RunAs.user(app, "engineer", () -> provisioning.reasons(refused.id()), Role.ENGINEER))
                .contains("could not be evaluated").contains("its action (deny) applies");
    }

    @Test
    void theRecommendersAdviceShowsPerTeamAndItsSuggestionOpensTheProvisionPagePrefilled() {
        installThroughTheAdminPage();
        // An A10G notebook bought on demand, where spot costs 56% less: allowed, so it runs at once.
        StoredRequest running = submit("approver", Role.APPROVER, new RequestDraft(Template.NOTEBOOK, "inference",
                "serving", "pack-on-demand", "aws", "eu-central-1", "g5.12xlarge", 1, PurchaseOption.ON_DEMAND, 8.0,
                "internal", Map.of("cost-center", "CC-2001", "owner", "approver"), true, true, false, false));
        assertThat(running.state()).isEqualTo(RequestState.PROVISIONED);

        loginAs("approver");
        open("recommendations");
        Locator grid = page.locator("#recommendations-inference");
        Locator row = grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Run pack-on-demand on spot"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("The spot price in eu-central-1 is 3.12 USD (56% less).");
        double monthly = (7.09282 - 3.1236) * 730;
        assertThat(grid).containsText(String.format(java.util.Locale.ROOT, "$%,.2f", Math.round(monthly * 0.9 * 100)
                / 100.0));
        assertThat(grid.locator("[data-value='MEDIUM']").first()).isVisible();
        screenshot("recommendations-spot");

        // The plugin's own suggestion, clicked as an event on the link: under load the grid (all rows shown, cells
        // wrapping) can still be laying out, and a click by position waits for it to stand still.
        Locator suggestion = grid.locator("a.provision-suggestion[data-source='sample-policy-pack']");
        assertThat(suggestion).hasCount(1);
        suggestion.dispatchEvent("click");
        page.waitForURL(Pattern.compile(".*/provision\\?.*purchase=SPOT.*"));
        waitForVaadin();
        assertThat(page.locator("#offering input")).hasValue(Pattern.compile("g5\\.12xlarge"));
        assertThat(page.locator("#region input")).hasValue(Pattern.compile("eu-central-1"));
        assertThat(page.locator("#team input")).hasValue("inference");
        assertThat(page.locator("#purchase-option")).containsText("SPOT");
        assertThat(page.locator("#result-state")).hasCount(0);
        screenshot("recommendations-prefilled-provision");

        // Accepting it is recorded for the team: it leaves the list and is listed as accepted with its saving,
        // also after the page is opened again.
        open("recommendations");
        // The plugin's own advice: the built-in spot recommender advises on the same resource beside it.
        Locator accept = page.locator("#recommendations-inference vaadin-button.accept-recommendation"
                + "[data-source='sample-policy-pack']");
        assertThat(accept).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                .setTimeout(30_000));
        // Clicked as an event on the button itself: the grid recycles its tall rows while scrolling, so a click by
        // position could land beside it.
        accept.dispatchEvent("click");
        waitForVaadin();
        Locator accepted = page.locator("#accepted-recommendations");
        assertThat(accepted).containsText("Run pack-on-demand on spot",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(accepted).containsText(String.format(java.util.Locale.ROOT, "$%,.2f",
                Math.round(monthly * 0.9 * 100) / 100.0));
        assertThat(accepted).containsText("not measured yet");
        assertThat(accept).hasCount(0);
        open("recommendations");
        assertThat(page.locator("#accepted-recommendations")).containsText("Run pack-on-demand on spot");
        assertThat(page.locator("#recommendations-inference")).not().containsText("Run pack-on-demand on spot");
        assertThat(accept).hasCount(0);
        screenshot("recommendations-accepted");
    }
}
