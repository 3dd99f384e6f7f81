package dev.burnrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, budgets and anomalies against a fake portal. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private FakePortal portal;
    private Map<String, String> env;

    @BeforeEach
    void start() throws IOException {
        portal = new FakePortal();
        env = Map.of("BURNRATE_SERVER", portal.url(), "BURNRATE_TOKEN", "brt_t",
                "BURNRATE_CONFIG", dir.resolve("config.json").toString());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void importSendsTheFileAsItIsAndPrintsTheReport() throws IOException {
        Path csv = Files.writeString(dir.resolve("focus.csv"), "BilledCost,BillingCurrency\n1.5,USD\n2.25,USD\n");
        portal.answer("POST /api/v1/datasets/team%20costs/versions", 200, """
                {"dataset":"team costs","version":3,"rows":2,"accepted":true,
                 "billedCost":{"amount":3.75,"currency":"USD"},"warnings":[{"row":2,"message":"no ResourceId"}]}""");
        CliRun run = CliRun.run(env, "import", csv.toString(), "--dataset", "team costs");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(portal.last().body()).isEqualTo(Files.readAllBytes(csv));
        assertThat(portal.last().header("Content-Type")).isEqualTo("text/csv");
        assertThat(run.out).isEqualTo("""
                Dataset: team costs
                Version: 3
                Rows: 2
                Accepted: yes
                Billed cost: 3.75 USD
                Warnings:
                  ROW  MESSAGE
                    2  no ResourceId
                """);
    }

    @Test
    void aRejectedImportExitsWith1WhetherAsProblemOrAsReport() throws IOException {
        Path csv = Files.writeString(dir.resolve("focus.csv"), "Nonsense\n1\n");
        portal.answer("POST /api/v1/datasets/d/versions", 422, """
                {"title":"Import rejected","status":422,"detail":"not a FOCUS file",
                 "errors":[{"field":"BilledCost","message":"required column missing"}]}""");
        CliRun problem = CliRun.run(env, "import", csv.toString(), "--dataset", "d");
        assertThat(problem.exitCode).isEqualTo(1);
        assertThat(problem.err).isEqualTo("""
                error: Import rejected: not a FOCUS file
                  - BilledCost: required column missing
                """);
        portal.answer("POST /api/v1/datasets/d/versions", 200, "{\"status\":\"REJECTED\",\"errors\":[]}");
        CliRun report = CliRun.run(env, "import", csv.toString(), "--dataset", "d");
        assertThat(report.exitCode).isEqualTo(1);
        assertThat(report.err).contains("rejected the import");
    }

    @Test
    void importOfAMissingFileCallsNothing() {
        CliRun run = CliRun.run(env, "import", dir.resolve("nope.csv").toString(), "--dataset", "d");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("nope.csv: no such readable file");
        assertThat(portal.received).isEmpty();
    }

    @Test
    void budgetsAreATableOfAmountsOrCanonicalJson() {
        portal.answer("GET /api/v1/budgets", 200, """
                {"items":[{"id":"ml-research","name":"ML research","currency":"USD","planned":{"amount":50000,"currency":"USD"},
                           "actual":12345.678,"alerts":2,"forecast":{"amount":48000.5,"currency":"USD"},"months":[1,2]}],
                 "page":0,"size":50,"total":1}""");
        CliRun run = CliRun.run(env, "budgets");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                ID           NAME         CURRENCY        PLANNED     ACTUAL  ALERTS       FORECAST
                ml-research  ML research  USD       50,000.00 USD  12,345.68       2  48,000.50 USD

                1 budget.
                """);
        CliRun json = CliRun.run(env, "budgets", "--format", "json");
        assertThat(json.out).startsWith("{\n  \"items\": [\n    {\n      \"actual\": 12345.678,");
    }

    @Test
    void anomaliesPassTheStatusFilterAndPageAndSayWhenThereAreMore() {
        portal.answer("GET /api/v1/anomalies", 200, """
                {"items":[{"id":7,"status":"OPEN","team":"vision","excess":{"amount":812.4,"currency":"USD"}}],
                 "page":0,"size":1,"total":3}""");
        CliRun run = CliRun.run(env, "anomalies", "--status", "open", "--size", "1");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(portal.last().uri()).isEqualTo("/api/v1/anomalies?page=0&size=1&status=open");
        assertThat(run.out).isEqualTo("""
                ID  STATUS  TEAM        EXCESS
                 7  OPEN    vision  812.40 USD

                1 of 3 anomalies (page 0; --page for more).
                """);
        portal.answer("GET /api/v1/anomalies", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        assertThat(CliRun.run(env, "anomalies", "--status", "open").out).isEqualTo("No anomalies in status open.\n");
    }
}
