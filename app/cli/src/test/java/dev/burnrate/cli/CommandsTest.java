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

/** estimate, check, import, budgets and anomalies against a fake portal: requests sent, output, exit codes. */
class CommandsTest {

    private static final String TOKEN = "brt_secret0123456789secret0123456789secret012";
    private static final String OFFERING = """
            {"provider":"aws","region":"us-east-1","instanceType":"p5.48xlarge","accelerator":"H100",
             "acceleratorsPerInstance":8,"instances":2,"purchaseOption":"SPOT","currency":"USD","hourly":39.328,
             "expected":2831.616,"p50":2790.1,"p90":3104.25,"source":"catalog"}""";

    @TempDir
    Path dir;

    private FakePortal portal;
    private Map<String, String> env;
    private Path job;

    @BeforeEach
    void start() throws IOException {
        portal = new FakePortal();
        env = Map.of("BURNRATE_SERVER", portal.url(), "BURNRATE_TOKEN", TOKEN,
                "BURNRATE_CONFIG", dir.resolve("config.json").toString());
        job = Files.writeString(dir.resolve("job.yaml"), """
                kind: training
                team: ml-research
                provider: aws
                region: us-east-1
                accelerator: H100
                acceleratorCount: 16
                hours: 72
                purchaseOption: SPOT
                checkpointing: true
                """);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private CliRun run(String... args) {
        CliRun run = CliRun.run(env, args);
        assertThat(run.out + run.err).as("the token is never printed").doesNotContain(TOKEN);
        return run;
    }

    @Test
    void estimatePostsTheSpecWithTheTokenAndPrintsATable() {
        portal.answer("POST /api/v1/estimates", 200,
                "{\"priceCatalogVersion\":\"aws-2026-12-01\",\"spec\":{},\"offerings\":[" + OFFERING + "]}");
        CliRun run = run("estimate", "-f", job.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(portal.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(portal.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(portal.last().text()).isEqualTo("{\"kind\":\"training\",\"team\":\"ml-research\",\"provider\":\"aws\","
                + "\"region\":\"us-east-1\",\"accelerator\":\"H100\",\"acceleratorCount\":16,\"hours\":72,"
                + "\"purchaseOption\":\"SPOT\",\"checkpointing\":true}");
        assertThat(run.out).isEqualTo("""
                PROVIDER  REGION     INSTANCE TYPE  ACCELERATORS  INSTANCES  PURCHASE  HOURLY  EXPECTED       P50\
                       P90  CURRENCY
                aws       us-east-1  p5.48xlarge    8x H100               2  SPOT       39.33  2,831.62  2,790.10\
                  3,104.25  USD

                1 offering, cheapest expected cost first. Price catalog: aws-2026-12-01
                """);
    }

    @Test
    void estimateJsonIsCanonicalSoTheSameAnswerGivesTheSameBytes() {
        portal.answer("POST /api/v1/estimates", 200,
                "{\"priceCatalogVersion\":\"v1\",\"offerings\":[" + OFFERING + "]}");
        String first = run("estimate", "-f", job.toString(), "--format", "json").out;
        portal.answer("POST /api/v1/estimates", 200, "{\"offerings\":[" + OFFERING.replace("2790.1", "2790.10")
                + "],\"priceCatalogVersion\":\"v1\"}");
        String second = run("estimate", "-f", job.toString(), "--format", "json").out;
        assertThat(second).isEqualTo(first).startsWith("{\n  \"offerings\": [\n    {\n      \"accelerator\": \"H100\"")
                .contains("\"p50\": 2790.1,").endsWith("\"priceCatalogVersion\": \"v1\"\n}\n");
    }

    @Test
    void checkExitCodesFollowTheDecision() {
        assertThat(check("ALLOW").exitCode).isEqualTo(0);
        assertThat(check("NEEDS_APPROVAL").exitCode).isEqualTo(2);
        assertThat(check("DENY").exitCode).isEqualTo(3);
        CliRun unknown = check("MAYBE");
        assertThat(unknown.exitCode).isEqualTo(1);
        assertThat(unknown.err).contains("unknown decision \"MAYBE\"");
        assertThat(portal.last().uri()).isEqualTo("/api/v1/policy/evaluations");
    }

    @Test
    void checkPrintsReasonsAndBudgetFigures() {
        CliRun run = check("NEEDS_APPROVAL");
        assertThat(run.out).isEqualTo("""
                Decision: NEEDS_APPROVAL (an approver must agree before it starts)
                Offering: aws us-east-1 p5.48xlarge x2 (8x H100 each), SPOT: expected 2,831.62, P90 3,104.25 USD

                Reasons:
                OUTCOME           RULE                MESSAGE
                REQUIRE_APPROVAL  private_networking  Public IPs need an approver

                Budgets (after = spent + committed + this job):
                BUDGET           LIMIT      SPENT  COMMITTED      AFTER  CURRENCY
                ml-research  50,000.00  39,000.00   1,000.50  42,832.12  USD
                """);
    }

    private CliRun check(String decision) {
        portal.answer("POST /api/v1/policy/evaluations", 200, "{\"decision\":\"" + decision + "\",\"offering\":"
                + OFFERING + ",\"violations\":[{\"rule\":\"private_networking\",\"outcome\":\"REQUIRE_APPROVAL\","
                + "\"message\":\"Public IPs need an approver\"}],\"budgets\":[{\"name\":\"ml-research\","
                + "\"currency\":\"USD\",\"limit\":50000,\"spent\":39000,\"committed\":1000.5,\"after\":42832.116}]}");
        return run("check", "-f", job.toString());
    }

    @Test
    void aBadSpecStopsBeforeAnyCallWithExitCode1() throws IOException {
        Files.writeString(job, "accelerator: H100\ngpus: 8\n");
        CliRun run = run("check", "-f", job.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: " + job + ":2:1: unknown field \"gpus\"");
        assertThat(portal.received).isEmpty();
    }

    @Test
    void problemsAreShownAsTitleDetailAndFieldErrors() {
        portal.answer("POST /api/v1/policy/evaluations", 400, """
                {"type":"about:blank","title":"Invalid job spec","status":400,"detail":"2 fields are invalid",
                 "errors":[{"field":"region","message":"unknown region us-nowhere-1"},
                           {"field":"acceleratorCount","message":"must be a multiple of 8"}]}""");
        CliRun run = run("check", "-f", job.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("""
                error: Invalid job spec: 2 fields are invalid
                  - region: unknown region us-nowhere-1
                  - acceleratorCount: must be a multiple of 8
                """);
        assertThat(run.out).isEmpty();
    }

    @Test
    void anUnauthorisedCallSaysHowToLogIn() {
        portal.answer("GET /api/v1/budgets", 401,
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the token has expired\"}");
        CliRun run = run("budgets");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: Unauthorized: the token has expired\nhint: ")
                .contains("burnrate login");
    }

    @Test
    void aServerErrorWithoutAProblemShowsStatusAndBodyStart() {
        portal.answer("GET /api/v1/budgets", new FakePortal.Answer(502, "text/html", "<html>Bad gateway</html>",
                Map.of()));
        CliRun run = run("budgets");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("error: HTTP 502 from " + portal.url() + ": <html>Bad gateway</html>\n");
    }

    @Test
    void anAnswerThatIsNotJsonSaysWhatCameInstead() {
        portal.answer("GET /api/v1/budgets", new FakePortal.Answer(200, "text/html", "<html>a web page</html>",
                Map.of()));
        CliRun run = run("budgets");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("error: " + portal.url() + " answered GET /api/v1/budgets with 200 text/html, "
                + "not JSON: is this a Burnrate portal with this API (/api/v1)?\n");
    }

    @Test
    void anUnreachablePortalIsAClearErrorWithExitCode1() throws IOException {
        String url = portal.url();
        portal.close();
        CliRun run = CliRun.run(Map.of("BURNRATE_SERVER", url, "BURNRATE_TOKEN", TOKEN,
                "BURNRATE_CONFIG", dir.resolve("config.json").toString()), "budgets");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: cannot connect to " + url + ": connection refused");
    }

    @Test
    void redirectsAreNotFollowedSoTheTokenStaysWithTheServer() {
        portal.answer("GET /api/v1/budgets", new FakePortal.Answer(301, "text/plain", "",
                Map.of("Location", "https://elsewhere.example/api/v1/budgets")));
        CliRun run = run("budgets");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("redirects to https://elsewhere.example/api/v1/budgets");
        assertThat(portal.received).hasSize(1);
    }

    @Test
    void usageErrorsExitWith1NotPicocliS2WhichMeansNeedsApproval() {
        CliRun run = run("check");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("Missing required option").contains("burnrate check --help");
        assertThat(run("estimate", "-f", job.toString(), "--format", "xml").exitCode).isEqualTo(1);
        assertThat(run().exitCode).isEqualTo(1);
        assertThat(run("--help").exitCode).isZero();
    }

    @Test
    void withoutAnyTokenTheMessageSaysHowToGetOne() {
        CliRun run = CliRun.run(Map.of("BURNRATE_SERVER", portal.url(),
                "BURNRATE_CONFIG", dir.resolve("config.json").toString()), "budgets");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: no API token for " + portal.url()).contains("burnrate login");
        assertThat(portal.received).isEmpty();
    }
}
