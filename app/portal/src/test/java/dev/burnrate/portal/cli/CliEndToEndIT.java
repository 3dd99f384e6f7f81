package dev.burnrate.portal.cli;

import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.cli.BurnrateCli;
import dev.burnrate.cli.Terminal;
import dev.burnrate.cli.http.Json;
import dev.burnrate.cli.output.CanonicalJson;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.FocusSamples;
import dev.burnrate.portal.support.RunAs;
import dev.burnrate.portal.usage.UsageDatasetService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code burnrate} CLI against the running demo portal, in-process through {@link BurnrateCli#run} (the same
 * code the jar's main runs, minus System.exit): what a CI pipeline sees, with real tokens, the demo's policies,
 * budgets and anomalies.
 */
class CliEndToEndIT extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Small, encrypted, private, tagged, on demand: each demo policy allows it and it is far below any budget. */
    private static final String ALLOWED = """
            kind: training
            team: ml-research
            project: cli-e2e
            name: cli-e2e-check
            provider: aws
            region: eu-central-1
            accelerator: A10G
            acceleratorCount: 1
            instanceType: g5.16xlarge
            hours: 2
            purchaseOption: ON_DEMAND
            checkpointing: true
            deadlineCritical: false
            dataClassification: internal
            encrypted: true
            privateNetwork: true
            tags: {cost-center: CC-1234, owner: engineer}
            """;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run burnrate(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BurnrateCli.run(args, new Terminal(new PrintWriter(out), new PrintWriter(err), env,
                Terminal.Prompter.NONE));
        Run run = new Run(code, out.toString(), err.toString());
        for (String token : env.values().stream().filter(v -> v.startsWith("brt_")).toList()) {
            assertThat(run.out() + run.err()).as("the token is never printed").doesNotContain(token);
        }
        return run;
    }

    private Map<String, String> envFor(String user, ApiScope... scopes) {
        Map<String, String> env = new HashMap<>();
        env.put("BURNRATE_SERVER", api().url("/"));
        env.put("BURNRATE_TOKEN", api().tokenFor(user, scopes));
        env.put("BURNRATE_CONFIG", dir.resolve("config.json").toString());
        return env;
    }

    private Path spec(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void estimatePrintsATableAndTheSameJsonBytesEveryTime() throws IOException {
        Map<String, String> engineer = envFor("engineer", ApiScope.READ, ApiScope.ESTIMATE);
        Path job = spec("estimate.yaml", """
                kind: training
                team: ml-research
                accelerator: H100
                acceleratorCount: 8
                hours: 24
                purchaseOption: ON_DEMAND
                """);
        Run table = burnrate(engineer, "estimate", "-f", job.toString());
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("PROVIDER  REGION").contains("H100").contains("ON_DEMAND")
                .containsPattern("Price catalog: \\S+");

        Run first = burnrate(engineer, "estimate", "-f", job.toString(), "--format", "json");
        Run second = burnrate(engineer, "estimate", "-f", job.toString(), "--format", "json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        JsonNode estimate = JSON.readTree(first.out());
        List<JsonNode> offerings = estimate.get("offerings").valueStream().toList();
        assertThat(offerings).isNotEmpty().allSatisfy(o -> assertThat(o.get("accelerator").asString()).contains("H100"));
        assertThat(offerings).extracting(o -> o.get("expected").decimalValue()).isSortedAccordingTo(Comparable::compareTo);
        assertThat(table.out()).contains(estimate.get("priceCatalogVersion").asString());
    }

    @Test
    void checkGatesWithExitCodesAllowNeedsApprovalAndDenyAndStoresNothing() throws IOException {
        DSLContext db = applicationContext.getBean(DSLContext.class);
        int requestsBefore = db.fetchCount(PROVISIONING_REQUESTS);
        Map<String, String> engineer = envFor("engineer", ApiScope.READ, ApiScope.ESTIMATE);

        Run allow = burnrate(engineer, "check", "-f", spec("allow.yaml", ALLOWED).toString());
        assertThat(allow.exitCode()).as(allow.toString()).isEqualTo(0);
        assertThat(allow.out()).startsWith("Decision: ALLOW").contains("g5.16xlarge").contains("ml-research");

        Run approval = burnrate(engineer, "check", "-f",
                spec("public.yaml", ALLOWED.replace("privateNetwork: true", "privateNetwork: false")).toString());
        assertThat(approval.exitCode()).as(approval.toString()).isEqualTo(2);
        assertThat(approval.out()).startsWith("Decision: NEEDS_APPROVAL").contains("private_networking");

        Run deny = burnrate(engineer, "check", "-f", spec("gdpr.yaml", ALLOWED
                .replace("dataClassification: internal", "dataClassification: personal-eu")
                .replace("region: eu-central-1", "region: us-east-1")
                .replace("accelerator: A10G", "accelerator: H100")
                .replace("instanceType: g5.16xlarge", "instanceType: p5.4xlarge")).toString());
        assertThat(deny.exitCode()).as(deny.toString()).isEqualTo(3);
        assertThat(deny.out()).startsWith("Decision: DENY").contains("data_residency");

        assertThat(db.fetchCount(PROVISIONING_REQUESTS)).as("a check is a dry run").isEqualTo(requestsBefore);
    }

    @Test
    void badSpecsAndServerRefusalsExitWith1WithAClearMessage() throws IOException {
        Map<String, String> engineer = envFor("engineer", ApiScope.READ, ApiScope.ESTIMATE);
        Run unknownField = burnrate(engineer, "check", "-f", spec("typo.yaml", ALLOWED + "gpus: 8\n").toString());
        assertThat(unknownField.exitCode()).isEqualTo(1);
        assertThat(unknownField.err()).startsWith("error: " + dir.resolve("typo.yaml") + ":18:1: unknown field \"gpus\"");

        Run unknownRegion = burnrate(engineer, "check", "-f",
                spec("nowhere.yaml", ALLOWED.replace("eu-central-1", "eu-nowhere-9")).toString());
        assertThat(unknownRegion.exitCode()).as(unknownRegion.toString()).isEqualTo(1);
        assertThat(unknownRegion.err()).startsWith("error: ").contains("region");

        Map<String, String> readOnly = envFor("engineer", ApiScope.READ);
        Run noScope = burnrate(readOnly, "check", "-f", spec("allow.yaml", ALLOWED).toString());
        assertThat(noScope.exitCode()).as(noScope.toString()).isEqualTo(1);
        assertThat(noScope.err()).startsWith("error: ");

        Map<String, String> unknownToken = new HashMap<>(engineer);
        unknownToken.put("BURNRATE_TOKEN", "brt_" + "x".repeat(43));
        Run badToken = burnrate(unknownToken, "budgets");
        assertThat(badToken.exitCode()).isEqualTo(1);
        assertThat(badToken.err()).contains("burnrate login");
    }

    @Test
    void importStreamsAFocusFileIntoAFreshDatasetAndPrintsTheReport() throws IOException {
        Path sample = FocusSamples.sample("cli-e2e-sample.csv");
        Path small = dir.resolve("focus-small.csv");
        Files.write(small, Files.readAllLines(sample).subList(0, 21));
        String dataset = "cli-e2e-" + System.nanoTime();
        // a dataset that counts toward no budget, so the rows do not move the demo's budget figures other tests read
        RunAs.user(applicationContext, "admin", () -> {
            applicationContext.getBean(UsageDatasetService.class).createDataset(dataset, "CLI test", "team", false);
            return null;
        }, Role.ADMIN);
        Map<String, String> finance = envFor("finance", ApiScope.READ, ApiScope.IMPORT);

        Run run = burnrate(finance, "import", small.toString(), "--dataset", dataset);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Dataset: " + dataset).contains("Status: CREATED").contains("Rows read: 20")
                .contains("Rows accepted: 20");
        ApiClient.Response versions = api().get("/api/v1/datasets/" + dataset + "/versions",
                finance.get("BURNRATE_TOKEN"));
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().size()).isEqualTo(1);
        assertThat(versions.body()).contains("focus-small.csv");

        Path notFocus = Files.writeString(dir.resolve("not-focus.csv"), "Hello,World\n1,2\n");
        Run rejected = burnrate(finance, "import", notFocus.toString(), "--dataset", dataset);
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(1);
        assertThat(rejected.err()).startsWith("error: Import rejected: ");
        assertThat(api().get("/api/v1/datasets/" + dataset + "/versions", finance.get("BURNRATE_TOKEN")).json()
                .size()).as("a rejected import stores nothing").isEqualTo(1);

        Map<String, String> engineer = envFor("engineer", ApiScope.READ, ApiScope.IMPORT);
        Run notAllowed = burnrate(engineer, "import", small.toString(), "--dataset", dataset);
        assertThat(notAllowed.exitCode()).as(notAllowed.toString()).isEqualTo(1);
        assertThat(notAllowed.err()).startsWith("error: ");
    }

    @Test
    void budgetsAndAnomaliesListWhatTheApiLists() {
        Map<String, String> finance = envFor("finance", ApiScope.READ);
        String token = finance.get("BURNRATE_TOKEN");
        Run budgets = burnrate(finance, "budgets");
        assertThat(budgets.exitCode()).as(budgets.toString()).isZero();
        assertThat(budgets.out()).startsWith("ID").contains("ml-research").contains("TEAM:ml-research");
        Run budgetsJson = burnrate(finance, "budgets", "--format", "json");
        assertThat(budgetsJson.out()).isEqualTo(canonical(api().get("/api/v1/budgets?size=500", token)));

        Run anomalies = burnrate(finance, "anomalies", "--format", "json");
        assertThat(anomalies.exitCode()).as(anomalies.toString()).isZero();
        assertThat(anomalies.out()).isEqualTo(canonical(api().get("/api/v1/anomalies?page=0&size=50", token)));
        Run open = burnrate(finance, "anomalies", "--status", "open");
        assertThat(open.exitCode()).as(open.toString()).isZero();
        JsonNode listed = api().get("/api/v1/anomalies?status=NEW&status=ACKNOWLEDGED", token).json();
        if (listed.get("items").isEmpty()) {
            assertThat(open.out()).isEqualTo("No anomalies in status open.\n");
        } else {
            assertThat(open.out()).startsWith("ID  STATUS").contains(listed.get("items").get(0).get("team").asString());
            assertThat(open.out().lines().filter(l -> l.matches(" *\\d+  (NEW|ACKNOWLEDGED) .*")).count())
                    .isEqualTo(listed.get("items").size());
        }
    }

    private static String canonical(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return CanonicalJson.write(Json.MAPPER.readTree(response.body()));
    }

    @Test
    void loginExchangesNameAndPasswordForATokenTheNextCommandUses() throws IOException {
        Path config = dir.resolve("login").resolve("config.json");
        Map<String, String> env = Map.of("BURNRATE_USERNAME", "engineer", "BURNRATE_PASSWORD", "engineer",
                "BURNRATE_CONFIG", config.toString());
        Run login = burnrate(env, "login", "--server", api().url("/"), "--scopes", "read,estimate");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).startsWith("Logged in to " + api().url("/").replaceFirst("/$", "") + " as engineer");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        String stored = JSON.readTree(Files.readString(config)).findValue("token").asString();
        assertThat(stored).startsWith("brt_");
        assertThat(login.out() + login.err()).doesNotContain(stored);

        Run check = burnrate(Map.of("BURNRATE_CONFIG", config.toString()), "check", "-f",
                spec("allow.yaml", ALLOWED).toString());
        assertThat(check.exitCode()).as(check.toString()).isZero();

        Run wrong = burnrate(Map.of("BURNRATE_USERNAME", "engineer", "BURNRATE_PASSWORD", "not-the-password",
                "BURNRATE_CONFIG", dir.resolve("other.json").toString()), "login", "--server", api().url("/"));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("error: ");
        assertThat(dir.resolve("other.json")).doesNotExist();
    }
}
