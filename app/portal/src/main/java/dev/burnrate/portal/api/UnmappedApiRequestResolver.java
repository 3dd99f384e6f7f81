package dev.burnrate.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem answers for API requests Spring refuses before it picks a controller method (no such path, a content type
 * or Accept header no mapping takes, a method no mapping has). {@link ApiProblems} only sees failures of a chosen controller;
 * these went on to the servlet container's error page, outside the API's security chain, and a script got a redirect
 * to the login page instead of a 415.
 */
@Component
class UnmappedApiRequestResolver implements HandlerExceptionResolver, Ordered {

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
        try {
            if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
                // the static-resource handler is the last resort for any path: here it means no such endpoint
                write(response, HttpStatus.NOT_FOUND, "Not found", "No endpoint " + request.getMethod() + " " + path
                        + "; the API's operations are listed at /v3/api-docs", path);
            } else if (handler != null) {
                return null;
            } else if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
                write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Content type "
                        + unsupported.getContentType() + " is not accepted here; use one of "
                        + unsupported.getSupportedMediaTypes(), path);
            } else if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
                write(response, HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                        "This endpoint answers with " + notAcceptable.getSupportedMediaTypes(), path);
            } else if (e instanceof HttpRequestMethodNotSupportedException wrongMethod) {
                write(response, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", wrongMethod.getMethod()
                        + " is not supported here; use " + wrongMethod.getSupportedHttpMethods(), path);
            } else {
                return null;
            }
            return new ModelAndView();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                              String path) throws IOException {
        ProblemWriter.write(response, status, title, detail, path);
    }
}
