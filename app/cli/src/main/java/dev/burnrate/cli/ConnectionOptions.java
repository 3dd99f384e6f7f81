package dev.burnrate.cli;

import dev.burnrate.cli.config.ConfigFile;
import dev.burnrate.cli.http.ApiClient;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/**
 * Where the portal is and which token to use: flags first, then the environment (what a CI job sets), then the
 * config file {@code burnrate login} wrote. The token is never printed.
 */
public final class ConnectionOptions {

    static final String DEFAULT_SERVER = "http://localhost:8080";

    @Option(names = "--server", paramLabel = "URL",
            description = "Portal address (default: $BURNRATE_SERVER, then the last `burnrate login`, then "
                    + DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "API token (default: $BURNRATE_TOKEN, then the token `burnrate login` stored for the "
                    + "server). Prefer the environment variable: a flag is visible in the process list.")
    String token;

    /**
     * The portal's address, normalised without a trailing slash (the key of its stored login): the flag, else
     * {@code BURNRATE_SERVER}, else the last login's server, else the default.
     */
    static URI server(String flag, Terminal terminal, ConfigFile config) {
        String address = flag != null ? flag : terminal.env("BURNRATE_SERVER");
        if (address == null) {
            address = config.read().server();
        }
        return parse(address == null ? DEFAULT_SERVER : address);
    }

    /** A client with the token for {@code server}, or a message saying how to get one. */
    ApiClient client(Terminal terminal) {
        ConfigFile config = ConfigFile.of(terminal);
        URI address = server(server, terminal, config);
        String secret = token != null ? token : terminal.env("BURNRATE_TOKEN");
        if (secret == null) {
            ConfigFile.Login login = config.read().logins().get(address.toString());
            secret = login == null ? null : login.token();
        }
        if (secret == null) {
            throw new CliException("no API token for " + address + ": run `burnrate login --server " + address
                    + "`, or set BURNRATE_TOKEN (a token from the portal's Tokens page)");
        }
        return new ApiClient(address, secret);
    }

    static URI parse(String address) {
        String trimmed = address.strip().replaceFirst("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new CliException("server address \"" + address + "\" is not an http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliException("server address \"" + address + "\" is not a URL: " + e.getReason());
        }
    }
}
