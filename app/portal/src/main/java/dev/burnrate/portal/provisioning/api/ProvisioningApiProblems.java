package dev.burnrate.portal.provisioning.api;

import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.api.ApiProblems;
import dev.burnrate.portal.provisioning.ApprovalConflict;
import dev.burnrate.portal.provisioning.DraftInvalid;
import dev.burnrate.portal.provisioning.IdempotentSubmit;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The provisioning domain's errors as problem+json, with field paths in the job spec's terms (the API core maps the
 * common exceptions). Ordered first, so these win over the core's general handlers.
 */
@RestControllerAdvice(assignableTypes = {EstimateController.class, PolicyEvaluationController.class,
        ProvisioningRequestController.class, ResourceController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProvisioningApiProblems {

    @ExceptionHandler(DraftInvalid.class)
    ResponseEntity<ProblemDetail> invalid(DraftInvalid e) {
        List<ApiProblem.FieldError> errors = JobSpecs.inSpecTerms(e.errors()).stream()
                .map(f -> new ApiProblem.FieldError(f.field(), f.message())).toList();
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Invalid job specification", String.join("; ",
                errors.stream().map(f -> f.field() + ": " + f.message()).toList()) + ". Nothing was stored.", errors);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Invalid request", "The " + e.getHeaderName()
                        + " header is required. Nothing was stored.",
                List.of(new ApiProblem.FieldError(e.getHeaderName(), "Required: a new unique key per request,"
                        + " e.g. a UUID")));
    }

    @ExceptionHandler(IdempotentSubmit.KeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotentSubmit.KeyReused e) {
        return ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage(),
                List.of(new ApiProblem.FieldError(ProvisioningRequestController.IDEMPOTENCY_KEY,
                        "already used for a different body")));
    }

    @ExceptionHandler(ApprovalConflict.class)
    ResponseEntity<ProblemDetail> conflict(ApprovalConflict e) {
        return ApiProblems.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), List.of());
    }
}
