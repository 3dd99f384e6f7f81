package dev.burnrate.portal.provisioning.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** What the policies would decide for a job now (a dry run: nothing is stored or reserved). */
@Schema(description = "A policy dry run", requiredProperties = {"decision", "offering", "violations", "budgets"})
public record PolicyCheck(
        @Schema(allowableValues = {"ALLOW", "NEEDS_APPROVAL", "DENY"}) String decision,
        OfferingEstimateView offering, List<RuleViolation> violations, List<BudgetFigure> budgets) {

    /** A rule the job breaks; outcome WARN does not stop it. */
    @Schema(requiredProperties = {"rule", "outcome", "message"})
    public record RuleViolation(String rule, String outcome, String message) {
    }

    /**
     * A budget the job counts against, in the budget's currency.
     *
     * @param after spent + committed + the part of the job's cost in the budget's period
     */
    @Schema(requiredProperties = {"name", "currency", "limit", "spent", "committed", "after"})
    public record BudgetFigure(String name, String currency, BigDecimal limit, BigDecimal spent, BigDecimal committed,
                               BigDecimal after) {
    }
}
