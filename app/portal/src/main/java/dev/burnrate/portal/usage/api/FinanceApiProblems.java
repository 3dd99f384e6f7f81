package dev.burnrate.portal.usage.api;

import dev.burnrate.portal.anomaly.api.AnomaliesController;
import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.api.ApiProblems;
import dev.burnrate.portal.budget.api.BudgetsController;
import dev.burnrate.portal.forecast.api.ForecastsController;
import dev.burnrate.portal.review.api.ReviewsController;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The finance API's own errors as problem+json: a rejected import (422, with every listed error's row, column and
 * field path, and the whole validation report) and an upload over the size limit (413). Ordered before the common
 * {@link ApiProblems}, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice(assignableTypes = {DatasetsController.class, QueriesController.class, BudgetsController.class,
        ReviewsController.class, ForecastsController.class, AnomaliesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FinanceApiProblems {

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected e) {
        List<ApiProblem.FieldError> errors = e.report().errors().stream()
                .map(i -> new ApiProblem.FieldError(i.field(), i.message())).toList();
        ResponseEntity<ProblemDetail> answer = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "Import rejected", e.getMessage(), errors);
        answer.getBody().setProperty("report", e.report());
        return answer;
    }

    @ExceptionHandler(StreamedUpload.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(StreamedUpload.TooLarge e) {
        return ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", e.getMessage(), List.of());
    }
}
