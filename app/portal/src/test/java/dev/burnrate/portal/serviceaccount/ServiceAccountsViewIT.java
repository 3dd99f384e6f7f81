package dev.burnrate.portal.serviceaccount;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.burnrate.portal.support.BrowserTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An admin creates a service account, gives it a token (shown once) that works, then disables the account. */
class ServiceAccountsViewIT extends BrowserTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createAnAccountGiveItATokenAndDisableIt() throws Exception {
        String name = "it-svc-ui-" + UUID.randomUUID().toString().substring(0, 8);
        loginAs("admin");
        open("admin/service-accounts");
        page.locator("#new-service-account").click();
        page.locator("#service-account-username input").fill(name);
        page.locator("#service-account-description input").fill("Browser test pipeline");
        page.locator("#service-account-save").click();
        assertThat(page.locator(".service-account-status[data-account='" + name + "']")).hasText("Active");

        button("Tokens " + name).click();
        // an ENGINEER account's tokens cannot have the admin scope
        assertThat(page.locator("#token-scopes vaadin-checkbox")).hasText(new String[] {
                "read", "estimate", "provision", "import"});
        page.locator("#token-name input").fill("nightly");
        page.locator("#token-create").click();
        assertThat(page.locator("#token-secret input")).hasValue(Pattern.compile("brt_[A-Za-z0-9_-]{43}"));
        String secret = page.locator("#token-secret input").inputValue();
        screenshot("service-account-token-shown-once");
        page.locator("#token-secret-done").click();
        assertThat(page.locator("#service-account-tokens-grid")).containsText("nightly");

        HttpResponse<String> me = get("/api/v1/me", secret);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + name + "\"");

        button("Close").click();
        button("Disable " + name).click();
        assertThat(page.locator(".service-account-status[data-account='" + name + "']")).hasText("Disabled");
        assertThat(get("/api/v1/me", secret).statusCode()).isEqualTo(401);
    }

    @Test
    void anEngineerCannotOpenServiceAccounts() {
        loginAs("engineer");
        open("admin/service-accounts");
        assertThat(page.locator("#service-accounts-grid")).hasCount(0);
        assertThat(page.locator("#not-found-message")).containsText("your roles do not give access");
    }

    private com.microsoft.playwright.Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
