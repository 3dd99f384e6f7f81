package dev.burnrate.portal.api.token;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.burnrate.portal.support.BrowserTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A user creates a token in the browser, sees its secret once, uses it from a script, and revokes it. */
class TokensViewIT extends BrowserTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createSeeOnceUseAndRevokeAToken() throws Exception {
        String name = "it-browser-" + UUID.randomUUID().toString().substring(0, 8);
        loginAs("engineer");
        open("tokens");
        // an engineer is not offered the admin scope
        assertThat(page.locator("#token-scopes vaadin-checkbox")).hasText(new String[] {
                "read", "estimate", "provision", "import"});

        page.locator("#token-name input").fill(name);
        page.locator("#token-create").click();
        Locator secretField = page.locator("#token-secret input");
        assertThat(secretField).hasValue(Pattern.compile("brt_[A-Za-z0-9_-]{43}"));
        String secret = secretField.inputValue();
        screenshot("tokens-secret-shown-once");
        page.locator("#token-secret-done").click();
        assertThat(page.locator("#token-secret")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secret.substring(12));
        Locator state = page.locator(".token-state[data-token-name='" + name + "']");
        assertThat(state).hasText("Active");
        assertThat(page.locator("#tokens-grid")).containsText(secret.substring(0, 12));

        HttpResponse<String> list = get("/api/v1/tokens", secret);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"" + name + "\"").doesNotContain(secret);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + name)).click();
        page.locator("#token-revoke-confirm-button").click();
        assertThat(state).hasText("Revoked");
        screenshot("tokens-revoked");

        HttpResponse<String> after = get("/api/v1/tokens", secret);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("token revoked");
    }

    @Test
    void anAdminIsOfferedTheAdminScopeAndASecondVisitShowsNoSecret() {
        loginAs("admin");
        open("tokens");
        assertThat(page.locator("#token-scopes vaadin-checkbox")).hasText(new String[] {
                "read", "estimate", "provision", "import", "admin"});
        assertThat(page.locator("#token-secret")).hasCount(0);
    }

    @Test
    void aTokenCanExpireOnAChosenDayAndTheDayIsRequired() {
        String name = "it-dated-" + UUID.randomUUID().toString().substring(0, 8);
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        loginAs("finance");
        open("tokens");
        page.locator("#token-name input").fill(name);
        page.locator("#token-expiry").click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText("On a date")).click();
        page.locator("#token-create").click();
        assertThat(page.locator("#token-expiry-date")).hasAttribute("invalid", "");
        assertThat(page.locator("#token-secret")).hasCount(0);

        page.locator("#token-expiry-date input").fill(day);
        page.locator("#token-expiry-date input").press("Enter");
        page.locator("#token-create").click();
        assertThat(page.locator("#token-secret input")).hasValue(Pattern.compile("brt_.{43}"));
        page.locator("#token-secret-done").click();
        assertThat(page.locator("#tokens-grid")).containsText(day + " 00:00 UTC");
        assertThat(page.locator(".token-state[data-token-name='" + name + "']")).hasText("Active");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
