package dev.burnrate.cli.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads an error answer: an RFC 9457 problem when the portal sent one, else the status and the start of the body. */
final class Problems {

    private static final int MAX_BODY = 200;

    private Problems() {
    }

    /** {@code sentToken}: whether the call carried a token (a 401 then means that token; the login sends none). */
    static ProblemException of(int status, String body, String contentType, URI server, boolean sentToken) {
        JsonNode problem = contentType.contains("json") ? tree(body) : null;
        String hint = status == 401 && sentToken
                ? "hint: the token is missing, expired or revoked: run `burnrate login` or set BURNRATE_TOKEN"
                : null;
        if (problem != null && problem.isObject() && (problem.has("title") || problem.has("detail"))) {
            String title = text(problem, "title", "HTTP " + status);
            List<ProblemException.FieldError> errors = new ArrayList<>();
            JsonNode list = problem.get("errors");
            if (list != null && list.isArray()) {
                for (JsonNode error : list) {
                    errors.add(new ProblemException.FieldError(text(error, "field", null),
                            error.isObject() ? text(error, "message", error.toString()) : error.asString()));
                }
            }
            return new ProblemException(status, title, text(problem, "detail", null), errors, hint);
        }
        String excerpt = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (excerpt.length() > MAX_BODY) {
            excerpt = excerpt.substring(0, MAX_BODY) + "...";
        }
        return new ProblemException(status, "HTTP " + status + " from " + server.toString().replaceFirst("/+$", ""),
                excerpt.isEmpty() ? null : excerpt, List.of(), hint);
    }

    private static JsonNode tree(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : value.asString();
    }
}
