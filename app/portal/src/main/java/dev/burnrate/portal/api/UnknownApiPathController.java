package dev.burnrate.portal.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers API paths no controller has with a 404 problem. Without it Vaadin's servlet, which serves every path the
 * MVC handlers do not, answered an authenticated script's typo with the portal's HTML page and status 200.
 */
@RestController
@Hidden
class UnknownApiPathController {

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.NOT_FOUND, "Not found", "No endpoint " + request.getMethod() + " "
                + request.getRequestURI() + "; the API's operations are listed at /v3/api-docs", List.of());
    }
}
