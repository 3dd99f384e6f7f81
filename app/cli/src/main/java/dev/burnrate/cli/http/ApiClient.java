package dev.burnrate.cli.http;

import dev.burnrate.cli.CliException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The portal's REST API over {@code java.net.http}: JSON in and out, the bearer token on every call, problems and
 * network failures turned into messages. Redirects are not followed, so the token never goes to another address.
 * The token appears in no message.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private final URI server;
    private final String token;
    private final HttpClient http;

    /**
     * {@code server} may have a path (a portal behind a proxy prefix); API paths resolve below it.
     * {@code token} may be null for the one anonymous call, the login exchange. */
    public ApiClient(URI server, String token) {
        this.server = server.getPath().endsWith("/") ? server : URI.create(server + "/");
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public JsonNode get(String path) {
        return send(request(path, CALL_TIMEOUT).GET().build());
    }

    public JsonNode post(String path, Object body) {
        String json = Json.MAPPER.writeValueAsString(body);
        return send(request(path, CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Sends the file as the request body, read from disk as it goes out (never whole into memory). */
    public JsonNode upload(String path, Path file, String contentType) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new CliException(file + ": no such file");
        }
        return send(request(path, UPLOAD_TIMEOUT).header("Content-Type", contentType).POST(body).build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path.replaceFirst("^/+", ""))).timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "burnrate-cli");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for " + display());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(request, response);
        }
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("another address");
            throw new CliException(display() + " redirects to " + location
                    + ": give that address with --server (redirects are not followed, to keep the token safe)");
        }
        throw Problems.of(status, response.body(), response.headers().firstValue("Content-Type").orElse(""),
                server, token != null);
    }

    private JsonNode parse(HttpRequest request, HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            String type = response.headers().firstValue("Content-Type").orElse("no content type");
            throw new CliException(display() + " answered " + request.method() + " " + request.uri().getRawPath()
                    + " with " + response.statusCode() + " " + type + ", not JSON: is this a Burnrate portal with "
                    + "this API (/api/v1)?");
        }
    }

    /** The server as the user gave it, without the trailing slash used to resolve paths. */
    private String display() {
        return server.toString().replaceFirst("/+$", "");
    }

    private CliException unreachable(IOException e) {
        String where = display();
        if (e instanceof HttpConnectTimeoutException) {
            return new CliException("cannot connect to " + where + ": no answer within "
                    + CONNECT_TIMEOUT.toSeconds() + " s", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new CliException(where + " did not answer in time", e);
        }
        if (e instanceof ConnectException) {
            boolean unknownHost = e.getCause() instanceof UnresolvedAddressException;
            return new CliException("cannot connect to " + where + ": "
                    + (unknownHost ? "unknown host " + server.getHost() : "connection refused")
                    + " (is the portal running? set the address with --server or BURNRATE_SERVER)", e);
        }
        if (e instanceof SSLException) {
            return new CliException("TLS with " + where + " failed: " + e.getMessage(), e);
        }
        return new CliException("the connection to " + where + " failed: " + e, e);
    }
}
