package dev.burnrate.portal.placement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.RunAs;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Placement on the demo portal (its catalogs and demo policies): an H100 job on personal EU data asked for in
 * us-east-1 is denied there by the GDPR policy, so every feasible placement is in an EU jurisdiction and the US ones
 * are left out with that policy's name; in the browser, the panel's cheapest placement goes into the form and is
 * submitted through the ordinary policies.
 */
class PlacementIT extends ProvisioningTestBase {

    @Autowired
    PlacementService placements;
    @Autowired
    ApplicationContext app;

    private static RequestDraft personalDataJob() {
        return new RequestDraft(Template.GPU_TRAINING, "ml-research", "llm", "placement-run", "aws", "us-east-1",
                "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, 72.0, "personal-eu",
                Map.of("cost-center", "CC-1234", "owner", "engineer", "data-classification", "personal-eu"),
                true, true, true, false);
    }

    @Test
    void feasiblePlacementsAreCheapestFirstAndOnlyWhereThePoliciesAllowPersonalEuData() {
        PlacementRanking ranking = RunAs.user(app, "engineer", () -> placements.rank(personalDataJob()),
                Role.ENGINEER);
        assertThat(ranking.feasible()).isNotEmpty();
        assertThat(ranking.feasible()).allMatch(p -> "EU".equals(p.offering().jurisdiction()));
        assertThat(ranking.feasible()).extracting(p -> p.estimate().expectedTotal()).isSorted();
        assertThat(ranking.excluded()).anyMatch(e -> e.offeringKey().equals("aws/us-east-1/p5.48xlarge")
                && e.reason().contains("GDPR data residency"));
    }

    @Test
    void theCheapestPlacementGoesIntoTheFormAndIsSubmittedThroughThePolicies() {
        loginAs("engineer");
        open("provision");
        pickCombo(page.locator("#region input"), "us-east-1");
        pickCombo(page.locator("#offering input"), "p5.48xlarge");
        pickSelect("data-classification", "personal-eu");
        page.locator("#tags textarea").fill("cost-center=CC-1234\nowner=engineer\ndata-classification=personal-eu");
        page.locator("#tags textarea").press("Tab");
        waitForVaadin();
        assertThat(page.locator("#preview-outcome [data-value='DENY']")).isVisible();

        page.locator("#placement-rank").click();
        assertThat(page.locator("#placement-status")).containsText("cheapest per job",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(page.locator("#placement-excluded")).containsText("GDPR data residency");
        screenshot("provision-placement");
        page.locator(".placement-use").first().click();
        waitForVaadin();
        assertThat(page.locator("#region input")).not().hasValue("us-east-1");
        assertThat(page.locator("#preview-outcome [data-value='DENY']")).hasCount(0);

        page.locator("#submit").click();
        assertThat(page.locator("#result-state")).hasAttribute("data-value",
                Pattern.compile("PENDING_APPROVAL|APPROVED|PROVISIONING|PROVISIONED"));
    }
}
