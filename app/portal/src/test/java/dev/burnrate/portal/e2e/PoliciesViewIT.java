package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.portal.support.ProvisioningTestBase;
import org.junit.jupiter.api.Test;

/**
 * The Policies view: an administrator's broken edit is refused with line numbers and stores nothing, a fixed edit
 * becomes version 2, a draft is dry-run against a stored request; an engineer reads but cannot edit.
 */
class PoliciesViewIT extends ProvisioningTestBase {

    private static final String BROKEN = """
            id: spot-discipline
            name: Spot discipline
            description: Spot capacity only for work that checkpoints, and never for deadline-critical work.
            scope: all
            mode: enforce
            rules:
              - type: spot_requires_checkpointing
              - type: no_spot_for_deadline_critical
                action: block
              - type: gpu_quota
            """;
    private static final String FIXED = """
            id: spot-discipline
            name: Spot discipline
            description: Spot capacity only for work that checkpoints; deadline-critical spot only warns.
            scope: all
            mode: enforce
            rules:
              - type: spot_requires_checkpointing
              - type: no_spot_for_deadline_critical
                action: notify
            """;
    private static final String DRAFT = """
            id: ticket-required
            name: Ticket required
            rules:
              - type: required_tags
                tags:
                  - key: ticket
                    pattern: "OPS-[0-9]+"
            """;

    private void selectPolicy(String id) {
        page.locator("#policies-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(id))
                .first().click();
        waitForVaadin();
    }

    private void setYaml(String yaml) {
        page.locator("#policy-yaml textarea").fill(yaml);
        page.locator("#policy-yaml textarea").press("Tab");
        waitForVaadin();
    }

    private void tab(String name) {
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText(name)).click();
        waitForVaadin();
    }

    @Test
    void anAdministratorEditsWithValidationSavesAVersionAndDryRunsADraft() {
        loginAs("admin");
        open("policies");
        selectPolicy("spot-discipline");
        assertThat(page.locator("#policy-yaml textarea")).hasValue(java.util.regex.Pattern.compile(
                "no_spot_for_deadline_critical"));

        setYaml(BROKEN);
        page.locator("#policy-validate").click();
        waitForVaadin();
        Locator errors = page.locator("#policy-errors .policy-error");
        assertThat(errors).hasCount(2);
        assertThat(errors.nth(0)).containsText("line 9, column 13 (rules[1].action): 'block' is not allowed");
        assertThat(errors.nth(1)).containsText("line 10, column 11 (rules[2].type): unknown rule type 'gpu_quota'");
        page.locator("#policy-save").click();
        waitForVaadin();
        assertThat(errors).hasCount(2);
        screenshot("policies-validation-errors");
        tab("Versions");
        assertThat(page.locator("#policy-versions vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("demo policy"))).hasCount(1);

        tab("YAML");
        setYaml(FIXED);
        page.locator("#policy-comment input").fill("Deadline spot only warns");
        page.locator("#policy-save").click();
        waitForVaadin();
        assertThat(page.locator("#policies-grid vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("v2"))).hasCount(1);
        tab("Versions");
        assertThat(page.locator("#policy-versions vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("Deadline spot only warns"))).hasCount(1);

        tab("YAML");
        setYaml(DRAFT);
        tab("Dry run");
        Locator request = page.locator("#dry-run-request input");
        request.click();
        request.fill("pretrain-run-1");
        // the picker searches the database as one types: items of the unfiltered first page stay in the DOM, hidden
        page.locator("vaadin-combo-box-item:not([hidden])").filter(new Locator.FilterOptions()
                .setHasText("pretrain-run-1")).first().click();
        page.locator("#dry-run-request-button").click();
        waitForVaadin();
        assertThat(page.locator("#dry-run-outcome [data-value='DENY']")).isVisible();
        assertThat(page.locator("#dry-run-findings")).containsText("The tag 'ticket' is required");
        screenshot("policies-dry-run");
    }

    @Test
    void anEngineerReadsPoliciesButCannotEditThem() {
        loginAs("engineer");
        open("policies");
        selectPolicy("gdpr-eu-residency");
        assertThat(page.locator("#policy-yaml textarea")).hasValue(java.util.regex.Pattern.compile(
                "allowed_jurisdictions"));
        assertThat(page.locator("#policy-yaml")).hasAttribute("readonly", "");
        assertThat(page.locator("#policy-save")).hasCount(0);
        assertThat(page.locator("#dry-run-request")).hasCount(0);
        tab("Decisions");
        assertThat(page.locator("#policy-decisions")).isVisible();
    }
}
