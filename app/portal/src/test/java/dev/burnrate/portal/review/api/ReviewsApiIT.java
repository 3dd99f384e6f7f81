package dev.burnrate.portal.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.report.ReportFormat;
import dev.burnrate.portal.review.ReviewReport;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Reviews over the API: the demo's open review, its lines, and its exports, byte for byte the page's document. */
class ReviewsApiIT extends ApiTestBase {

    @Autowired
    ReviewReport reports;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDemoReviewIsListedWithItsBudgetLinesInExactMoney() {
        String token = api().tokenFor("finance", ApiScope.READ);
        JsonNode review = demoReview(token);
        assertThat(review.get("state").asString()).isEqualTo("OPEN");

        JsonNode sheet = api().get("/api/v1/reviews/" + review.get("id").asLong(), token).json();

        assertThat(sheet.get("review").get("period").asString()).isEqualTo(review.get("period").asString());
        assertThat(sheet.get("dataVersions")).isNotEmpty();
        JsonNode vision = sheet.get("lines").valueStream().filter(l -> "budget:vision".equals(l.get("key")
                .asString())).findFirst().orElseThrow();
        assertThat(vision.get("kind").asString()).isEqualTo("BUDGET");
        assertThat(vision.get("plan").get("currency").asString()).isEqualTo("USD");
        assertThat(vision.get("plan").get("amount").decimalValue()).isPositive();
        assertThat(vision.get("actual").get("amount").decimalValue()).isPositive();
        assertThat(vision.get("status").asString()).isNotBlank();
    }

    @Test
    void exportsAreThePagesDocumentWithTheirContentTypeAndFileName() throws Exception {
        String token = api().tokenFor("finance", ApiScope.READ);
        JsonNode review = demoReview(token);
        long id = review.get("id").asLong();
        String name = "burnrate-review-" + review.get("period").asString() + "-open";

        HttpResponse<byte[]> csv = download(id, "csv", token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"" + name + ".csv\"");
        byte[] page = RunAs.user(applicationContext, "finance", () -> ReportFormat.CSV.toBytes(reports.report(id)),
                Role.FINANCE);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(new String(page, StandardCharsets.UTF_8));

        HttpResponse<byte[]> xlsx = download(id, "xlsx", token);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(ReportFormat.XLSX.mediaType());
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(name + ".xlsx");
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");

        HttpResponse<byte[]> pdf = download(id, "pdf", token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        ApiClient.Response doc = api().get("/api/v1/reviews/" + id + "/export?format=doc", token);
        assertThat(doc.status()).isEqualTo(400);
        assertThat(doc.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
    }

    @Test
    void anEngineersExportShowsTheirLinesOnlyAndSaysSo() throws Exception {
        String token = api().tokenFor("engineer", ApiScope.READ);
        long id = demoReview(token).get("id").asLong();

        String csv = new String(download(id, "csv", token).body(), StandardCharsets.UTF_8);

        assertThat(csv).contains("Lines of other teams are not shown").contains("ML research")
                .doesNotContain("Vision");
    }

    private JsonNode demoReview(String token) {
        JsonNode items = api().get("/api/v1/reviews", token).json().get("items");
        assertThat(items).as("the demo opens the last closed month's review").isNotEmpty();
        return items.get(0);
    }

    private HttpResponse<byte[]> download(long id, String format, String token) throws IOException,
            InterruptedException {
        return http.send(api().request("/api/v1/reviews/" + id + "/export?format=" + format, token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
