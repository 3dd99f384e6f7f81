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
        portal.answer("POST /api/v1/datasets/team%20costs/versions", 201, """
                {"dataset":"team costs","version":3,"rows":2,"accepted":true,"rejectionReason":null,
                 "billedCost":{"amount":3.75,"currency":"USD"},"warnings":[{"row":2,"message":"no ResourceId"}]}""");
        CliRun run = CliRun.run(env, "import", csv.toString(), "--dataset", "team costs");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(portal.last().body()).isEqualTo(Files.readAllBytes(csv));
        assertThat(portal.last().header("Content-Type")).isEqualTo("text/csv");
        assertThat(portal.last().uri()).isEqualTo("/api/v1/datasets/team%20costs/versions?mode=strict&fileName=focus.csv");
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
                {"items":[{"id":"ml-research","name":"ML research","owner":"approver","scope":"TEAM:ml-research",
                           "costColumn":"EffectiveCost","currency":"USD","granularity":"MONTH","version":0,
                           "plan":[{"periodStart":"2026-12-01","amount":{"amount":50000.00,"currency":"USD"}}],
                           "figures":{"period":"2026-12","plan":{"amount":50000.00,"currency":"USD"},
                                      "actual":{"amount":12345.678,"currency":"USD"},
                                      "forecastP50":{"amount":48000.5,"currency":"USD"},
                                      "forecastP90":{"amount":51000,"currency":"USD"},"status":"AT_RISK"}}],
                 "page":0,"size":500,"total":1}""");
        CliRun run = CliRun.run(env, "budgets", "--period", "2026-12");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(portal.last().uri()).isEqualTo("/api/v1/budgets?size=500&period=2026-12");
        assertThat(run.out).isEqualTo("""
                ID           NAME         SCOPE             PERIOD            PLAN         ACTUAL   FORECAST P50\
                   FORECAST P90  STATUS
                ml-research  ML research  TEAM:ml-research  2026-12  50,000.00 USD  12,345.68 USD  48,000.50 USD\
                  51,000.00 USD  AT_RISK

                1 budget.
                """);
        CliRun json = CliRun.run(env, "budgets", "--format", "json");
        assertThat(json.out).startsWith("{\n  \"items\": [\n    {\n      \"costColumn\": \"EffectiveCost\",");
    }

    @Test
    void anomaliesAskForOpenAsTheStatusesWithoutAVerdictAndSayWhenThereAreMore() {
        portal.answer("GET /api/v1/anomalies", 200, """
                {"items":[{"id":7,"team":"vision","monitor":"team-daily","series":"vision","periodStart":
                 "2026-12-01T00:00:00Z","periodHours":24,"expected":{"amount":100,"currency":"USD"},
                 "actual":{"amount":912.4,"currency":"USD"},"impact":{"amount":812.4,"currency":"USD"},
                 "impactPercent":812.4,"score":5.1,"causes":[],"status":"NEW","fromFeedback":false}],
                 "page":0,"size":1,"total":3}""");
        CliRun run = CliRun.run(env, "anomalies", "--status", "open", "--size", "1");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(portal.last().uri()).isEqualTo("/api/v1/anomalies?page=0&size=1&status=NEW&status=ACKNOWLEDGED");
        assertThat(run.out).isEqualTo("""
                ID  STATUS  TEAM    SERIES  PERIOD START            EXPECTED      ACTUAL      IMPACT  IMPACT PERCENT
                 7  NEW     vision  vision  2026-12-01T00:00:00Z  100.00 USD  912.40 USD  812.40 USD          812.40

                1 of 3 anomalies (page 0; --page for more).
                """);
        portal.answer("GET /api/v1/anomalies", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        assertThat(CliRun.run(env, "anomalies", "--status", "expected,false_alarm").out)
                .isEqualTo("No anomalies in status expected, false_alarm.\n");
        assertThat(portal.last().uri()).isEqualTo("/api/v1/anomalies?page=0&size=50&status=EXPECTED&status=FALSE_ALARM");
    }
}
