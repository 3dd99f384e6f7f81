package dev.burnrate.portal.usage.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.FocusSamples;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageDatasetService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Uploads through the API into datasets the tests create, which do not count toward budgets (so no other test's
 * budget figures move): a FOCUS file becomes a version with its report, versions and lineage list it; a bad row,
 * a wrong content type, an oversized body or a token or user without the right store nothing.
 */
class DatasetsApiIT extends ApiTestBase {

    @Autowired
    UsageDatasetService datasets;

    @Autowired
    UploadProperties limits;

    private String dataset;

    @BeforeEach
    void createADatasetThatDoesNotCountTowardBudgets() {
        dataset = "api-it-" + UUID.randomUUID().toString().substring(0, 8);
        RunAs.user(applicationContext, "admin", () -> {
            datasets.createDataset(dataset, "API upload test", "team", false);
            return null;
        }, Role.ADMIN);
    }

    @Test
    void financeUploadsAFocusFileAndGetsTheReportTheVersionAndItsLineage() throws IOException {
        Path csv = FocusSamples.sample("api-upload.csv");
        String token = api().tokenFor("finance", ApiScope.IMPORT, ApiScope.READ);

        // Lenient: the sample's credit row (a negative ContractedUnitPrice) is kept and reported, as on the page.
        ApiClient.Response created = upload(token, csv, "text/csv", "?mode=lenient&fileName=focus-november.csv");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.get("status").asString()).isEqualTo("CREATED");
        assertThat(report.get("mode").asString()).isEqualTo("LENIENT");
        assertThat(report.get("rowsRead").asLong()).isEqualTo(500);
        assertThat(report.get("rowsAccepted").asLong()).isEqualTo(500);
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("conformance").valueStream().map(c -> c.get("rule").asString() + "/"
                + c.get("column").asString())).contains("non-negative/ContractedUnitPrice");
        assertThat(report.get("warnings").valueStream().map(w -> w.get("first").get("field").asString()))
                .contains("header.Id");
        String version = report.get("versionId").asString();
        assertThat(version).isNotBlank();

        JsonNode versions = api().get("/api/v1/datasets/" + dataset + "/versions", token).json();
        assertThat(versions).hasSize(1);
        JsonNode v = versions.get(0);
        assertThat(v.get("id").asString()).isEqualTo(version);
        assertThat(v.get("rows").asLong()).isEqualTo(500);
        assertThat(v.get("sourceFileName").asString()).isEqualTo("focus-november.csv");
        BigDecimal billed = BigDecimal.ZERO;
        for (JsonNode t : v.get("totals")) {
            billed = billed.add(t.get("billedCost").decimalValue());
        }
        assertThat(billed.setScale(2, RoundingMode.HALF_UP))
                .isEqualTo(FocusSamples.exactBilledCost(csv).setScale(2, RoundingMode.HALF_UP));

        JsonNode lineage = api().get("/api/v1/datasets/" + dataset + "/lineage", token).json();
        assertThat(lineage.get("versions")).hasSize(1);
        assertThat(lineage.get("versions").get(0).get("transform").asString()).isEqualTo("IMPORT");
        assertThat(lineage.get("versions").get(0).get("source").asString()).isEqualTo("focus-november.csv");

        JsonNode list = api().get("/api/v1/datasets?size=500", token).json();
        assertThat(list.get("items").valueStream().filter(d -> d.get("name").asString().equals(dataset)))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("latestVersion").asString()).isEqualTo(version);
                    assertThat(d.get("countsTowardBudgets").asBoolean()).isFalse();
                });

        // The same content again is no new version: the identical one is named.
        ApiClient.Response again = upload(token, csv, "application/octet-stream", "?mode=lenient");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("versionId").asString()).isEqualTo(version);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void aBadRowRejectsTheWholeFileWithItsRowColumnAndFieldAndStoresNothing() throws IOException {
        Path csv = withBadBilledCost(FocusSamples.sample("api-bad-source.csv"), 3, "api-bad-row.csv");
        String token = api().tokenFor("admin", ApiScope.IMPORT);

        ApiClient.Response rejected = upload(token, csv, "text/csv", "");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        JsonNode problem = rejected.json();
        // Strict (the default): the bad cost and the sample's negative unit price each reject the file.
        assertThat(problem.get("detail").asString()).contains("nothing was stored").contains("row 3")
                .contains("BilledCost");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("rows[3].BilledCost", "rows[457].ContractedUnitPrice");
        JsonNode issue = problem.get("report").get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals("rows[3].BilledCost")).findFirst().orElseThrow();
        assertThat(issue.get("row").asLong()).isEqualTo(3);
        assertThat(issue.get("line").asLong()).isEqualTo(4);
        assertThat(issue.get("column").asString()).isEqualTo("BilledCost");
        assertThat(issue.get("value").asString()).isEqualTo("twelve");
        assertThat(problem.get("report").get("status").asString()).isEqualTo("REJECTED");
        assertThat(versions()).isZero();

        // Lenient mode keeps the good rows and quarantines the unreadable one instead.
        ApiClient.Response lenient = upload(token, csv, "text/csv", "?mode=lenient");
        assertThat(lenient.status()).as(lenient.body()).isEqualTo(201);
        assertThat(lenient.json().get("rowsAccepted").asLong()).isEqualTo(499);
        assertThat(lenient.json().get("rowsQuarantined").asLong()).isEqualTo(1);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void aWrongContentTypeIsUnsupportedAndABadModeNamesItsField() throws IOException {
        Path csv = FocusSamples.sample("api-wrong-type.csv");
        String token = api().tokenFor("finance", ApiScope.IMPORT);

        ApiClient.Response json = upload(token, csv, "application/json", "");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(json.json().get("detail").asString()).contains("text/csv");

        ApiClient.Response mode = upload(token, csv, "text/csv", "?mode=sloppy");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.json().get("errors").get(0).get("field").asString()).isEqualTo("mode");
        assertThat(versions()).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws IOException {
        String token = api().tokenFor("finance", ApiScope.IMPORT);
        long tooLarge = limits.maxSize().toBytes() + 1;
        // A raw request: it declares the length and sends only a little of it, as a client starting a huge upload.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/datasets/" + dataset + "/versions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: text/csv\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + tooLarge
                    + "\r\n\r\nBillingAccountId,").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());
            while (answer.startsWith("HTTP/1.1 100")) {
                answer = readHead(socket.getInputStream());
            }
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        }
        assertThat(versions()).isZero();
    }

    @Test
    void aReadTokenAnEngineerAndAnApproverCannotUpload() throws IOException {
        Path csv = FocusSamples.sample("api-denied.csv");

        ApiClient.Response readOnly = upload(api().tokenFor("finance", ApiScope.READ), csv, "text/csv", "");
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.contentType()).startsWith("application/problem+json");
        for (String user : List.of("engineer", "approver")) {
            ApiClient.Response denied = upload(api().tokenFor(user, ApiScope.IMPORT), csv, "text/csv", "");
            assertThat(denied.status()).as(user).isEqualTo(403);
        }
        assertThat(upload(null, csv, "text/csv", "").status()).isEqualTo(401);
        assertThat(versions()).isZero();
    }

    private ApiClient.Response upload(String token, Path file, String contentType, String query) throws IOException {
        HttpRequest request = api().request("/api/v1/datasets/" + dataset + "/versions" + query, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        return api().send(request);
    }

    private long versions() {
        return RunAs.user(applicationContext, "admin", () -> (long) datasets.versions(dataset).size(), Role.ADMIN);
    }

    /** The response's status line and headers (the body is not needed). */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    /** The sample with data row {@code row}'s BilledCost replaced by a word, edited with FastCSV. */
    private static Path withBadBilledCost(Path sample, int row, String name) throws IOException {
        Path target = sample.resolveSibling(name);
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(sample);
             var out = Files.newBufferedWriter(target);
             var writer = de.siegmar.fastcsv.writer.CsvWriter.builder().build(out)) {
            List<String> header = null;
            int n = 0;
            for (var r : reader) {
                List<String> cells = new ArrayList<>(r.getFields());
                if (header == null) {
                    header = cells;
                } else if (++n == row) {
                    cells.set(header.indexOf("BilledCost"), "twelve");
                }
                writer.writeRecord(cells);
            }
        }
        return target;
    }
}
