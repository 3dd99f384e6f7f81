package dev.burnrate.portal.support;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.api.token.ApiTokenService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the running portal's API, with real tokens minted through the token service. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response: status, body as text, headers; {@link #json()} parses the body. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    private final ApplicationContext app;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ApiClient(ApplicationContext app, int port) {
        this.app = app;
        this.baseUrl = "http://localhost:" + port;
    }

    public String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /** A fresh token of a demo or test user with these scopes (all scopes when none are given), valid for a day. */
    public String tokenFor(String user, ApiScope... scopes) {
        EnumSet<ApiScope> set = scopes.length == 0 ? EnumSet.allOf(ApiScope.class) : EnumSet.copyOf(List.of(scopes));
        ApiTokenService tokens = app.getBean(ApiTokenService.class);
        return RunAs.user(app, user, () -> tokens.createFor(user, "test " + user, set,
                Instant.now().plus(Duration.ofDays(1)), true).secret());
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** A request builder for the path with the token set (none when {@code token} is null). */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofMinutes(2));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
