package dev.burnrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.cli.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LoginCommandTest {

    private static final String TOKEN = "brt_fromLoginfromLoginfromLoginfromLoginfromLog";

    @TempDir
    Path dir;

    private FakePortal portal;
    private Path config;

    @BeforeEach
    void start() throws IOException {
        portal = new FakePortal();
        portal.answer("POST /api/v1/auth/token", 200, "{\"token\":\"" + TOKEN + "\",\"id\":12,\"name\":\"ci\","
                + "\"scopes\":[\"read\",\"estimate\"],\"expiresAt\":\"2027-03-07T18:00:00Z\"}");
        portal.answer("GET /api/v1/budgets", 200, "[]");
        config = dir.resolve("burnrate").resolve("config.json");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void exchangesNameAndPasswordFromTheEnvironmentAndStoresTheTokenForOnlyTheOwner() throws IOException {
        CliRun run = CliRun.run(Map.of("BURNRATE_USERNAME", "engineer", "BURNRATE_PASSWORD", "pa55word",
                "BURNRATE_CONFIG", config.toString()), "login", "--server", portal.url() + "/",
                "--scopes", "read,estimate", "--token-name", "ci", "--expires-in-days", "30");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out + run.err).doesNotContain(TOKEN).doesNotContain("pa55word");
        assertThat(run.out).isEqualTo("Logged in to " + portal.url() + " as engineer. Token \"ci\" (scopes read, "
                + "estimate, expires 2027-03-07T18:00:00Z) stored in " + config + ".\n");
        FakePortal.Received login = portal.last();
        assertThat(login.header("Authorization")).isNull();
        JsonNode body = Json.MAPPER.readTree(login.text());
        assertThat(body.get("username").asString()).isEqualTo("engineer");
        assertThat(body.get("password").asString()).isEqualTo("pa55word");
        assertThat(body.get("name").asString()).isEqualTo("ci");
        assertThat(body.get("scopes").toString()).isEqualTo("[\"read\",\"estimate\"]");
        assertThat(body.get("expiresInDays").asInt()).isEqualTo(30);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(config)).contains(TOKEN).doesNotContain("pa55word");
        assertThat(Files.list(config.getParent())).containsExactly(config);

        CliRun budgets = CliRun.run(Map.of("BURNRATE_CONFIG", config.toString()), "budgets");
        assertThat(budgets.exitCode).as(budgets.toString()).isZero();
        assertThat(portal.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aStoredTokenIsNeverSentToAnotherServer() {
        CliRun.run(Map.of("BURNRATE_USERNAME", "engineer", "BURNRATE_PASSWORD", "pw",
                "BURNRATE_CONFIG", config.toString()), "login", "--server", portal.url());
        CliRun other = CliRun.run(Map.of("BURNRATE_CONFIG", config.toString()), "budgets",
                "--server", "http://localhost:1");
        assertThat(other.exitCode).isEqualTo(1);
        assertThat(other.err).startsWith("error: no API token for http://localhost:1");
    }

    @Test
    void asksForNameAndPasswordWithoutEchoWhenTheEnvironmentHasNone() {
        String[] asked = new String[2];
        Terminal.Prompter prompter = new Terminal.Prompter() {
            @Override
            public String readLine(String prompt) {
                asked[0] = prompt;
                return "approver";
            }

            @Override
            public char[] readPassword(String prompt) {
                asked[1] = prompt;
                return "secret".toCharArray();
            }
        };
        CliRun run = CliRun.run(Map.of("BURNRATE_CONFIG", config.toString()), prompter, "login", "--server",
                portal.url());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(asked).containsExactly("Burnrate user name at " + portal.url() + ": ", "Password: ");
        assertThat(portal.last().text()).contains("\"username\":\"approver\"").contains("\"password\":\"secret\"");
    }

    @Test
    void withNobodyToAskAndNoPasswordInTheEnvironmentNothingIsSent() {
        CliRun run = CliRun.run(Map.of("BURNRATE_USERNAME", "engineer", "BURNRATE_CONFIG", config.toString()),
                "login", "--server", portal.url());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("no password").contains("BURNRATE_PASSWORD");
        assertThat(portal.received).isEmpty();
    }

    @Test
    void aDamagedConfigFileIsNamedWithoutQuotingItsTokens() throws IOException {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"server\": \"http://x\", \"logins\": {\"http://x\": {\"token\": brt_leaked}}}");
        CliRun run = CliRun.run(Map.of("BURNRATE_CONFIG", config.toString()), "budgets");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: " + config + " is not a Burnrate config file (unreadable at line 1")
                .doesNotContain("brt_leaked");
    }

    @Test
    void plainHttpIsOnlyQuietOnThisMachine() {
        assertThat(LoginCommand.unencryptedToAnotherHost(java.net.URI.create("http://localhost:8080"))).isFalse();
        assertThat(LoginCommand.unencryptedToAnotherHost(java.net.URI.create("http://127.0.0.1:8080"))).isFalse();
        assertThat(LoginCommand.unencryptedToAnotherHost(java.net.URI.create("https://burnrate.example"))).isFalse();
        assertThat(LoginCommand.unencryptedToAnotherHost(java.net.URI.create("http://burnrate.example"))).isTrue();
    }

    @Test
    void anUnknownScopeStopsBeforeAnythingIsAskedOrSent() {
        CliRun run = CliRun.run(Map.of("BURNRATE_USERNAME", "engineer", "BURNRATE_PASSWORD", "pw",
                "BURNRATE_CONFIG", config.toString()), "login", "--server", portal.url(), "--scopes", "read,raed");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("error: unknown scope \"raed\": use read, estimate, provision, import, admin\n");
        assertThat(portal.received).isEmpty();
    }

    @Test
    void wrongCredentialsLeaveTheConfigUntouched() {
        portal.answer("POST /api/v1/auth/token", 401,
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"bad user name or password\"}");
        CliRun run = CliRun.run(Map.of("BURNRATE_USERNAME", "engineer", "BURNRATE_PASSWORD", "wrong",
                "BURNRATE_CONFIG", config.toString()), "login", "--server", portal.url());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("error: Unauthorized: bad user name or password\n");
        assertThat(config).doesNotExist();
    }
}
