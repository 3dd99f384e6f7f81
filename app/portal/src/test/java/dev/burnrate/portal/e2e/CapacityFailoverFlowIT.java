package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.provisioning.MyRequest;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ProvisioningTestBase;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.support.SandboxTestProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The provisioning form when the provider reports the chosen offering sold out: the preview says so and names the
 * offering the request will use instead (estimate and policy decision are for that one), and the submitted request
 * is placed there.
 */
class CapacityFailoverFlowIT extends ProvisioningTestBase {

    @Autowired
    SandboxTestProvider cloud;
    @Autowired
    ProvisioningService provisioning;

    @AfterEach
    void restock() {
        cloud.restock();
    }

    @Test
    void theFormShowsTheFailoverAndTheRequestGoesWhereThereIsCapacity() {
        cloud.soldOut("aws/eu-north-1/p5.48xlarge");
        loginAs("engineer");
        open("provision");
        pickCombo(page.locator("#region input"), "eu-north-1");
        pickCombo(page.locator("#offering input"), "p5.48xlarge");
        pickSelect("data-classification", "internal");
        page.locator("#tags textarea").fill("cost-center=CC-1234\nowner=engineer");
        page.locator("#tags textarea").press("Tab");
        waitForVaadin();

        assertThat(page.locator("#preview-capacity")).containsText("p5.48xlarge is sold out in eu-north-1");
        assertThat(page.locator("#preview-capacity")).containsText("using p5.48xlarge in us-east-1 instead");
        page.locator("#preview-capacity").scrollIntoViewIfNeeded();
        screenshot("provision-capacity-failover");

        page.locator("#submit").click();
        assertThat(page.locator("#result-state")).hasAttribute("data-value",
                java.util.regex.Pattern.compile("[A-Z_]+"));
        List<MyRequest> mine = RunAs.user(applicationContext, "engineer", () -> provisioning.myRequests(),
                Role.ENGINEER);
        assertThat(mine.getFirst().request().regionId()).isEqualTo("us-east-1");
        assertThat(mine.getFirst().request().instanceType()).isEqualTo("p5.48xlarge");
    }
}
