package dev.burnrate.portal.budget.api;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.api.ApiProblem;
import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.BudgetPlanService;
import dev.burnrate.portal.budget.plan.PlanGranularity;
import dev.burnrate.portal.review.ReviewLine;
import dev.burnrate.portal.review.ReviewPeriod;
import dev.burnrate.portal.review.ReviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budgets as finance plans them, each with its plan per period and the plan, actual and forecast of one period
 * (the current month unless asked), computed as the Reviews page computes an open review. Team-scoped like the
 * Budget plans page: users see their teams' budgets and those they own; ADMIN and FINANCE all.
 */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(name = "Budgets", description = "Planned budgets with plan, actual and forecast figures")
public class BudgetsController {

    private final BudgetPlanService plans;
    private final ReviewService reviews;
    private final Clock clock;

    public BudgetsController(BudgetPlanService plans, ReviewService reviews, Clock clock) {
        this.plans = plans;
        this.reviews = reviews;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "List the budgets the caller may see, with one period's plan, actual and forecast")
    public ApiPage<BudgetJson> list(
            @Parameter(description = "a month (2026-11) or quarter (2026-Q4); the current month when omitted")
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        ReviewPeriod p = period(period);
        List<BudgetPlan> visible = plans.visible();
        List<BudgetPlan> shown = request.slice(visible).items();
        Figures figures = figures(p);
        return request.page(shown.stream().map(b -> figures.of(b)).toList(), visible.size());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "One budget with one period's plan, actual and forecast")
    public BudgetJson one(@PathVariable String id,
                          @Parameter(description = "a month (2026-11) or quarter (2026-Q4); the current month when"
                                  + " omitted") @RequestParam(required = false) String period) {
        ReviewPeriod p = period(period);
        BudgetPlan plan = plans.find(id).orElseThrow(() -> new NoSuchElementException("No budget " + id
                + " among those you may see"));
        return figures(p).of(plan);
    }

    /** The period's budget lines by budget id, or why there are none. */
    private record Figures(String period, Map<String, ReviewLine> lines, String note) {
        BudgetJson of(BudgetPlan plan) {
            ReviewLine line = lines.get(plan.id());
            if (line == null) {
                return BudgetJson.of(plan, null, note != null ? note : "No figures for " + period);
            }
            return BudgetJson.of(plan, BudgetJson.PeriodFigures.of(period, line), null);
        }
    }

    private Figures figures(ReviewPeriod period) {
        try {
            Map<String, ReviewLine> lines = reviews.liveLines(period).stream().filter(ReviewLine::isBudget)
                    .collect(Collectors.toMap(ReviewLine::budgetId, Function.identity(), (a, b) -> a));
            return new Figures(period.label(), lines, null);
        } catch (IllegalArgumentException noData) {
            // e.g. a period without billing data: the plans are still worth answering with
            return new Figures(period.label(), Map.of(), noData.getMessage());
        }
    }

    private ReviewPeriod period(String text) {
        if (text == null || text.isBlank()) {
            return ReviewPeriod.containing(PlanGranularity.MONTH, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
        try {
            return ReviewPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage(), List.of(new ApiProblem.FieldError("period", e.getMessage())));
        }
    }
}
