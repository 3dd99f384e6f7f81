package dev.burnrate.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem answers for API requests Spring refuses before it picks a controller method (no such path, a content type
 * or Accept header no mapping takes, a method no mapping has). {@link ApiProblems} only sees failures of a chosen
 * controller; these went on to the servlet container's error page, outside the API's security chain, and a script
 * got a redirect to the login page instead of a 415. The answers themselves are {@link ApiProblems}'.
 */
@Component
class UnmappedApiRequestResolver implements HandlerExceptionResolver, Ordered {

    private final ApiProblems problems;

    UnmappedApiRequestResolver(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(path.startsWith("/api/") || path.equals("/mcp"))) {
            return null;
        }
        ResponseEntity<ProblemDetail> answer;
        if (e instanceof NoResourceFoundException missing) {
            // the static-resource handler is the last resort for any path: here it means no such endpoint
            answer = problems.noPath(missing);
        } else if (handler != null) {
            return null;
        } else if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            answer = problems.unsupportedType(unsupported);
        } else if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            answer = problems.notAcceptable(notAcceptable);
        } else if (e instanceof HttpRequestMethodNotSupportedException wrongMethod) {
            answer = problems.wrongMethod(wrongMethod);
        } else {
            return null;
        }
        ProblemDetail body = answer.getBody();
        try {
            ProblemWriter.write(response, HttpStatus.valueOf(body.getStatus()), body.getTitle(), body.getDetail(), path);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView();
    }
}
