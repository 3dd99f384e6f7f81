package dev.burnrate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in portal on a random local port: canned answers per "METHOD path", and a log of what was asked. */
final class FakePortal implements AutoCloseable {

    record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> countedPaths = new CopyOnWriteArrayList<>();

    FakePortal() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakePortal answer(String methodAndPath, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        answers.put(methodAndPath, new Answer(status, type, json, Map.of()));
        return this;
    }

    FakePortal answer(String methodAndPath, Answer answer) {
        answers.put(methodAndPath, answer);
        return this;
    }

    Received last() {
        return received.getLast();
    }

    /** Requests to this path are counted, not kept: their recorded body is the byte count, as text. */
    FakePortal countOnly(String path) {
        countedPaths.add(path);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            if (countedPaths.contains(path)) {
                long count = 0;
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    count += n;
                }
                body = Long.toString(count).getBytes(StandardCharsets.UTF_8);
            } else {
                body = in.readAllBytes();
            }
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                new Answer(404, "application/problem+json",
                        "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no fake for " + path + "\"}", Map.of()));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
