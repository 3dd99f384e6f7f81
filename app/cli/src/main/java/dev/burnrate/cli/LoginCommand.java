package dev.burnrate.cli;

import dev.burnrate.cli.config.ConfigFile;
import dev.burnrate.cli.http.ApiClient;
import dev.burnrate.cli.http.Json;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exchanges a local user's name and password for an API token, as {@code gh auth login} does, and keeps the token
 * (never the password) in the config file for that server. The password is typed without echo, or taken from
 * {@code BURNRATE_PASSWORD} where nobody can type (CI).
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to a portal with your user name and password and store an API token for it.",
                "Name and password are asked for (the password without echo), or read from BURNRATE_USERNAME and "
                        + "BURNRATE_PASSWORD."})
final class LoginCommand implements Callable<Integer> {

    private static final List<String> SCOPES = List.of("read", "estimate", "provision", "import", "admin");

    private final Terminal terminal;

    @Option(names = "--server", paramLabel = "URL",
            description = "Portal address (default: $BURNRATE_SERVER, then the last login, then "
                    + ConnectionOptions.DEFAULT_SERVER + ")")
    private String server;

    @Option(names = "--username", paramLabel = "NAME", description = "User name (default: $BURNRATE_USERNAME, "
            + "else asked)")
    private String username;

    @Option(names = "--scopes", split = ",", paramLabel = "SCOPE",
            defaultValue = "read,estimate,import",
            description = "Scopes of the token: read, estimate, provision, import, admin (default: ${DEFAULT-VALUE})")
    private List<String> scopes;

    @Option(names = "--expires-in-days", defaultValue = "90", paramLabel = "DAYS",
            description = "Days until the token expires (default: ${DEFAULT-VALUE})")
    private int expiresInDays;

    @Option(names = "--token-name", paramLabel = "NAME",
            description = "Name of the token in the portal's token list (default: burnrate-cli@<host>)")
    private String tokenName;

    LoginCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        List<String> scopeIds = scopeIds();
        ConfigFile config = ConfigFile.of(terminal);
        URI address = ConnectionOptions.server(server, terminal, config);
        String user = username != null ? username : terminal.env("BURNRATE_USERNAME");
        if (user == null) {
            user = terminal.prompter().readLine("Burnrate user name at " + address + ": ");
        }
        if (user == null || user.isBlank()) {
            throw new CliException("no user name: give --username or set BURNRATE_USERNAME");
        }
        if (unencryptedToAnotherHost(address)) {
            terminal.err().println("warning: " + address + " is plain http: the password and the token cross the "
                    + "network unencrypted; use https");
        }
        char[] password = password();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("username", user.strip());
        body.put("password", new String(password));
        Arrays.fill(password, '\0');
        body.put("name", tokenName != null ? tokenName : "burnrate-cli@" + host());
        body.putArray("scopes").addAll(scopeIds.stream().map(body::stringNode).toList());
        body.put("expiresInDays", expiresInDays);
        JsonNode answer = new ApiClient(address, null).post("api/v1/auth/token", body);
        String token = answer.path("token").asString("");
        if (token.isEmpty()) {
            throw new CliException(address + " answered the login without a token");
        }
        String expiresAt = answer.path("expiresAt").asString(null);
        String name = answer.path("name").asString(body.get("name").asString());
        config.write(config.read().withLogin(address.toString(),
                new ConfigFile.Login(token, user.strip(), name, expiresAt)));
        List<String> granted = answer.path("scopes").isArray()
                ? answer.path("scopes").valueStream().map(JsonNode::asString).toList() : scopeIds;
        terminal.out().println("Logged in to " + address + " as " + user.strip() + ". Token \"" + name + "\" (scopes "
                + String.join(", ", granted) + (expiresAt == null ? "" : ", expires " + expiresAt)
                + ") stored in " + config.path() + ".");
        return BurnrateCli.OK;
    }

    /** Lower-case scope ids as the API's JSON names them; a typo stops here rather than after the password. */
    private List<String> scopeIds() {
        List<String> ids = scopes.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        for (String id : ids) {
            if (!SCOPES.contains(id)) {
                throw new CliException("unknown scope \"" + id + "\": use " + String.join(", ", SCOPES));
            }
        }
        return ids;
    }

    private char[] password() {
        String fromEnvironment = terminal.env("BURNRATE_PASSWORD");
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        char[] typed = terminal.prompter().readPassword("Password: ");
        if (typed == null || CharBuffer.wrap(typed).isEmpty()) {
            throw new CliException("no password: type it at the prompt (needs a terminal) or set BURNRATE_PASSWORD");
        }
        return typed;
    }

    /** http is fine on this machine (a local portal, a tunnel); anywhere else it exposes the password. */
    static boolean unencryptedToAnotherHost(URI address) {
        String host = address.getHost();
        return "http".equals(address.getScheme()) && !(host.equals("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]") || host.equals("::1"));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
