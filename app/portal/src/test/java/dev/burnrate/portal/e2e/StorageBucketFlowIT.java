package dev.burnrate.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.burnrate.portal.support.ProvisioningTestBase;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A new engineer asks for an object-storage bucket: picks the Storage bucket template, finds the storage class and
 * capacity fields by their labels, watches the estimate follow the capacity, is denied in us-east-1 for personal EU
 * data (the demo GDPR policy) with the reason, moves the bucket to Frankfurt, where it is allowed (with the team
 * budget's 50% notice as a warning: the demo team has spent 75% of its month) and provisioned at once, and finds it
 * on the resources page with its rate, then deletes it. The test cloud sells S3 Standard at $0.023 per GB-month.
 */
class StorageBucketFlowIT extends ProvisioningTestBase {

    private static final double PRICE_PER_GB_MONTH = 0.023;

    private void pickCombo(String label, String text) {
        pickCombo(page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)), text);
    }

    private void fillLabelled(String label, String value) {
        Locator field = page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
        field.fill(value);
        field.press("Tab");
        waitForVaadin();
    }

    private static String usd(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    private static double amount(String usd) {
        return Double.parseDouble(usd.replaceAll("[^0-9.]", ""));
    }

    private Locator previewOutcome(String outcome) {
        return page.locator("#preview-outcome [data-value='" + outcome + "']");
    }

    @Test
    void deniedForPersonalEuDataInUsEast1ProvisionedInFrankfurtAndListedWithItsRate() {
        String name = "training-data-" + UUID.randomUUID().toString().substring(0, 8);
        loginAs("engineer");
        open("provision");
        page.locator("#template-storage-bucket").click();
        waitForVaadin();

        // The bucket's own fields, reachable by their visible labels; compute-only fields are gone.
        assertThat(page.getByLabel("Storage class", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(page.getByLabel("Capacity (GB)", new Page.GetByLabelOptions().setExact(true))).hasValue("100");
        assertThat(page.locator("#purchase-option")).isHidden();
        assertThat(page.locator("#duration-hours")).isHidden();
        assertThat(page.locator("#team input")).hasValue("ml-research");
        assertThat(page.locator("#provider input")).hasValue(Pattern.compile("AWS \\(test sandbox\\).*"));

        fillLabelled("Name", name);
        pickCombo("Region", "eu-central-1");
        assertThat(page.locator("#offering input")).hasValue(Pattern.compile("S3 Standard · \\$0\\.0230 per GB-month"));
        fillLabelled("Tags (key=value, one per line)", "cost-center=CC-1234\nowner=engineer\nproject=datasets");

        // The estimate is capacity x price per GB-month, and follows the capacity as it is typed.
        Locator monthly = page.locator("#estimate-monthly");
        assertThat(monthly).hasText(usd(100 * PRICE_PER_GB_MONTH));
        // $0.0032 an hour: rounded to cents it would read as free
        assertThat(page.locator("#estimate-hourly")).hasText("$0.0032");
        double small = amount(monthly.textContent());
        assertThat(small).isPositive();
        screenshot("storage-estimate-100gb");
        fillLabelled("Capacity (GB)", "500");
        assertThat(monthly).hasText(usd(500 * PRICE_PER_GB_MONTH));
        assertThat(amount(monthly.textContent())).isGreaterThan(small);
        // ml-research has spent 75% of its month (demo history): allowed, with the budget's 50% notice as a warning
        assertThat(previewOutcome("WARN")).isVisible();
        assertThat(page.locator("#preview-outcome")).containsText("Allowed with warnings");
        assertThat(page.locator("#preview-reasons")).containsText("past the 50% threshold");

        // Personal EU data in a US region: the GDPR policy refuses it, saying why, before and after submitting.
        pickSelect("data-classification", "personal-eu");
        pickCombo("Region", "us-east-1");
        assertThat(page.locator("#offering input")).hasValue(Pattern.compile("S3 Standard.*"));
        assertThat(previewOutcome("DENY")).isVisible();
        assertThat(page.locator("#preview-reasons")).containsText("GDPR data residency");
        page.locator("#submit").click();
        waitForVaadin();
        assertThat(page.locator("#result-state")).hasAttribute("data-value", "DENIED");
        assertThat(page.locator("#result-message")).containsText("jurisdiction US");
        assertThat(page.locator("#result-message")).containsText("allowed jurisdictions: EU");
        screenshot("storage-denied-us-east-1");

        // In Frankfurt the same bucket is allowed (only the budget notice remains) and provisioned at once.
        pickCombo("Region", "eu-central-1");
        assertThat(previewOutcome("WARN")).isVisible();
        assertThat(page.locator("#preview-reasons")).not().containsText("GDPR");
        assertThat(page.locator("#preview-reasons .preview-reason")).hasCount(1);
        page.locator("#submit").click();
        waitForVaadin();
        assertThat(page.locator("#result-state")).hasAttribute("data-value", "PROVISIONED");
        assertThat(page.locator("#result-message")).hasText(Pattern.compile("Provisioned as \\S+\\."));
        String message = page.locator("#result-message").textContent().strip();
        String resourceId = message.substring("Provisioned as ".length(), message.length() - 1);
        assertThat(page.locator("#my-requests")).containsText(name);
        screenshot("storage-provisioned");

        open("resources");
        List<String> row = resourceRow(name);
        assertThat(row.get(0)).matches(Pattern.quote(name) + "\\s*created \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        assertThat(row.get(3)).isEqualTo("500 GB bucket · S3 Standard · aws/eu-central-1");
        assertThat(row.get(2)).isEqualTo("engineer");
        assertThat(row.get(4)).isEqualTo("RUNNING");
        assertThat(row.get(5)).isEqualTo("$0.02/h"); // 500 GB x $0.023 / 730 h
        assertThat(row.get(6)).matches("\\$\\d+\\.\\d\\d");
        screenshot("storage-on-resources");

        // The owner's buttons stay in sight however wide the other columns get (the actions column is frozen), and at
        // this laptop width every column fits, so the frozen column covers none.
        assertThat(page.locator("#stop-" + resourceId)).isInViewport();
        assertThat((Boolean) page.evaluate("() => { const table = document.querySelector('#resources-grid').$.table;"
                + " return table.scrollWidth <= table.clientWidth; }")).as("the grid fits without scrolling sideways")
                .isTrue();
        assertThat(page.locator("#delete-" + resourceId)).isInViewport();
        // The owner deletes it again (and leaves no running bucket to the other browser tests on this portal).
        page.locator("#delete-" + resourceId).click();
        waitForVaadin();
        assertThat(page.locator("vaadin-notification-card").last()).containsText(name + " is deleted");
        List<String> deleted = resourceRow(name);
        assertThat(deleted.get(4)).isEqualTo("DELETED");
        assertThat(deleted.get(5)).as("a deleted bucket costs nothing per hour").isEqualTo("—");
    }

    /**
     * The text of the named resource's cells: name (with its creation time), team, owner, what, state, rate, cost so
     * far. The grid renders its cell contents row by row in column order.
     */
    private List<String> resourceRow(String name) {
        Locator cells = page.locator("#resources-grid vaadin-grid-cell-content");
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(name))).hasCount(1);
        List<String> texts = cells.allTextContents().stream().map(String::strip).toList();
        int at = IntStream.range(0, texts.size()).filter(i -> texts.get(i).startsWith(name)).findFirst().orElse(-1);
        assertThat(at).as("the bucket's name cell among %s", texts).isNotNegative();
        return texts.subList(at, at + 7);
    }
}
