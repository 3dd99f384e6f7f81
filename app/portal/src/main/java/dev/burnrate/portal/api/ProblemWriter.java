package dev.burnrate.portal.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem+json from filters, where no controller advice runs (missing, refused or under-scoped tokens). The
 * same shape as {@link ApiProblems}' answers.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /** The problem type of every API error with this status (one per status: the title and detail say the rest). */
    static java.net.URI type(HttpStatus status) {
        return java.net.URI.create("https://burnrate.dev/problems/" + status.value());
    }

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                             String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(status).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"burnrate\"");
        }
        JSON.writeValue(response.getOutputStream(), body);
    }
}
