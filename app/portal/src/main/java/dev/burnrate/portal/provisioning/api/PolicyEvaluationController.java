package dev.burnrate.portal.provisioning.api;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.portal.provisioning.DraftInvalid;
import dev.burnrate.portal.provisioning.Preview;
import dev.burnrate.portal.provisioning.ProvisioningService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Policy as a dry run: what the provisioning form's preview shows, for a pipeline gate. Stores nothing. */
@RestController
@RequestMapping("/api/v1/policy/evaluations")
@Tag(name = "Policy", description = "Dry runs of the provisioning policies")
public class PolicyEvaluationController {

    private final ProvisioningService provisioning;
    private final JobSpecs specs;

    public PolicyEvaluationController(ProvisioningService provisioning, JobSpecs specs) {
        this.provisioning = provisioning;
        this.specs = specs;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_estimate')")
    @Operation(summary = "Check a job against the policies and budgets",
            description = "The decision a request for this job would get now (ALLOW, NEEDS_APPROVAL or DENY), every"
                    + " rule it breaks, and the budgets it counts against. The offering is the instanceType given,"
                    + " or the one with the lowest expected cost in the region. Nothing is stored or reserved.")
    public PolicyCheck evaluate(@RequestBody JobSpec spec) {
        JobSpecs.Drafted drafted = specs.draft(specs.normalized(spec, null));
        Preview preview = provisioning.preview(drafted.draft());
        Decision decision = preview.decision();
        if (drafted.offering() == null) {
            throw new DraftInvalid(List.of(new DraftInvalid.FieldError("instanceType", drafted.draft().instanceType()
                    + " is not in the price catalog for " + drafted.draft().regionId())));
        }
        return new PolicyCheck(decision(decision),
                OfferingEstimateView.of(drafted.offering(), drafted.draft().count(), drafted.draft().purchaseOption(),
                        preview.estimate()),
                violations(preview),
                decision.budgets().stream().map(PolicyEvaluationController::budget).toList());
    }

    /**
     * The rules the job breaks and, when the provider cannot supply its offering now, a capacity warning naming
     * the offering the decision and estimate are for instead (a request would be placed there).
     */
    private static List<PolicyCheck.RuleViolation> violations(Preview preview) {
        List<PolicyCheck.RuleViolation> all = new java.util.ArrayList<>();
        if (preview.capacity() != null) {
            all.add(new PolicyCheck.RuleViolation("provider/capacity", "WARN", preview.capacity()));
        }
        preview.decision().violations().forEach(v -> all.add(new PolicyCheck.RuleViolation(
                v.policyName() + "/" + v.ruleId(), v.outcome().name(), v.message())));
        return all;
    }

    /** WARN lets the request go ahead, as the provisioning intake does. */
    static String decision(Decision decision) {
        return switch (decision.outcome()) {
            case ALLOW, WARN -> "ALLOW";
            case REQUIRE_APPROVAL -> "NEEDS_APPROVAL";
            case DENY -> "DENY";
        };
    }

    private static PolicyCheck.BudgetFigure budget(BudgetCheck b) {
        return new PolicyCheck.BudgetFigure(b.key().budgetId(), b.key().currency(), Amounts.total(b.amount()),
                Amounts.total(b.status().actual()), Amounts.total(b.status().committed()), Amounts.total(b.total()));
    }
}
