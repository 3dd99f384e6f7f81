package dev.burnrate.portal.budget.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.budget.plan.BudgetPlanService;
import dev.burnrate.portal.review.ReviewLine;
import dev.burnrate.portal.review.ReviewPeriod;
import dev.burnrate.portal.review.ReviewService;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.ApiClient;
import dev.burnrate.portal.support.ApiTestBase;
import dev.burnrate.portal.support.RunAs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Budgets over the API: each plan with its amounts as exact decimals, and a period's plan, actual and forecast as
 * the review computes them; a bad period names its field, a period without data says why it has no figures.
 */
class BudgetsApiIT extends ApiTestBase {

    @Autowired
    BudgetPlanService plans;

    @Autowired
    ReviewService reviews;

    @Autowired
    Clock clock;

    @Test
    void aBudgetHasItsPlanAndThePeriodsActualAndForecastExactlyAsTheReviewComputesThem() {
        ReviewPeriod month = ReviewPeriod.lastClosedMonth(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        ApiClient.Response response = api().get("/api/v1/budgets/vision?period=" + month.label(),
                api().tokenFor("finance", ApiScope.READ));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode budget = response.json();
        assertThat(budget.get("currency").asString()).isEqualTo("USD");
        assertThat(budget.get("scope").asString()).isEqualTo("TEAM:vision");
        BigDecimal planned = RunAs.user(applicationContext, "finance",
                () -> plans.amountFor("vision", month.start()).orElseThrow(), Role.FINANCE);
        JsonNode amount = budget.get("plan").valueStream()
                .filter(p -> p.get("periodStart").asString().equals(month.start().toString())).findFirst()
                .orElseThrow().get("amount");
        assertThat(amount.get("amount").decimalValue()).isEqualByComparingTo(planned);
        // exact on the wire: the plan's decimal as written, not a double's rendering of it
        assertThat(response.body()).contains("{\"periodStart\":\"" + month.start() + "\",\"amount\":{\"amount\":"
                + planned.toPlainString() + ",");
        assertThat(amount.get("currency").asString()).isEqualTo("USD");

        JsonNode figures = budget.get("figures");
        assertThat(figures.get("period").asString()).isEqualTo(month.label());
        ReviewLine line = RunAs.user(applicationContext, "finance", () -> reviews.liveLines(month).stream()
                .filter(l -> "vision".equals(l.budgetId())).findFirst().orElseThrow(), Role.FINANCE);
        assertThat(figures.get("plan").get("amount").decimalValue()).isEqualByComparingTo(line.plan());
        assertThat(figures.get("actual").get("amount").decimalValue()).isEqualByComparingTo(line.actual());
        assertThat(figures.get("forecastP50").get("amount").decimalValue()).isEqualByComparingTo(line.p50());
        assertThat(figures.get("forecastP90").get("currency").asString()).isEqualTo("USD");
        assertThat(figures.get("status").asString()).isEqualTo(line.status().name());
    }

    @Test
    void theCurrentMonthIsTheDefaultAndAPeriodWithoutDataSaysWhy() {
        String token = api().tokenFor("engineer", ApiScope.READ);
        JsonNode current = api().get("/api/v1/budgets", token).json();
        String thisMonth = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString().substring(0, 7);
        // The demo's billing ends with the last closed month; whether the current month has data yet depends on
        // metered usage arriving: either way the answer is about the current month.
        assertThat(current.get("items")).isNotEmpty().allSatisfy(b -> {
            if (b.get("figures").isNull()) {
                assertThat(b.get("figuresNote").asString()).contains("No billing data for " + thisMonth);
            } else {
                assertThat(b.get("figures").get("period").asString()).isEqualTo(thisMonth);
            }
            assertThat(b.get("plan").valueStream().map(p -> p.get("periodStart").asString()))
                    .contains(thisMonth + "-01");
        });

        JsonNode future = api().get("/api/v1/budgets?period=2099-01", token).json();
        assertThat(future.get("items")).allSatisfy(b -> {
            assertThat(b.get("figures").isNull()).isTrue();
            assertThat(b.get("figuresNote").asString()).contains("has not started");
        });

        ApiClient.Response bad = api().get("/api/v1/budgets?period=November", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(api().get("/api/v1/budgets?size=501", token).status()).isEqualTo(400);
    }
}
