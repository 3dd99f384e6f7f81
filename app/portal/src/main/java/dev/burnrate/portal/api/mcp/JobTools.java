package dev.burnrate.portal.api.mcp;

import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.provisioning.DraftInvalid;
import dev.burnrate.portal.provisioning.api.EstimateController;
import dev.burnrate.portal.provisioning.api.JobSpec;
import dev.burnrate.portal.provisioning.api.JobSpecs;
import dev.burnrate.portal.provisioning.api.PolicyEvaluationController;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "What will this run cost, and may I start it": the estimate and the policy dry run of the REST API as tools. They
 * call the API's controllers, so scopes, roles, validation and answers are the API's own.
 */
@Configuration
class JobTools {

    private static final String SPEC_HELP = " Describe the job as the REST API's JobSpec: kind (training or inference),"
            + " team, accelerator and acceleratorCount (or instanceType), hours, provider, region, purchaseOption.";

    @Bean
    McpTool estimateJobTool(EstimateController estimates, JsonMapper json) {
        return new SpecTool("estimate_job", ApiScope.ESTIMATE,
                "Estimates what a training run or an inference service would cost on every cloud offering that can"
                        + " run it: expected, P50 and P90 totals per offering (spot interruptions and checkpoints"
                        + " simulated), cheapest first, with the price catalog's version." + SPEC_HELP,
                json, spec -> estimates.estimate(spec));
    }

    @Bean
    McpTool checkPolicyTool(PolicyEvaluationController policy, JsonMapper json) {
        return new SpecTool("check_policy", ApiScope.ESTIMATE,
                "Checks a job against Burnrate's policies and budgets without starting it: the decision (ALLOW,"
                        + " NEEDS_APPROVAL or DENY), every rule it breaks with the reason, and the budgets it counts"
                        + " against. Needs team and region." + SPEC_HELP,
                json, spec -> policy.evaluate(spec));
    }

    /** A tool whose arguments are one JobSpec. */
    private record SpecTool(String name, ApiScope scope, String description, JsonMapper json,
                            java.util.function.Function<JobSpec, Object> action,
                            Map<String, Object> inputSchema) implements McpTool {

        /** The schema is resolved once, not on every tools/list. */
        SpecTool(String name, ApiScope scope, String description, JsonMapper json,
                 java.util.function.Function<JobSpec, Object> action) {
            this(name, scope, description, json, action, McpSchemas.of(JobSpec.class));
        }

        @Override
        public Object call(JsonNode arguments) {
            try {
                return action.apply(json.treeToValue(arguments, JobSpec.class));
            } catch (DraftInvalid invalid) {
                throw new McpToolError("Invalid job specification: " + String.join("; ",
                        JobSpecs.inSpecTerms(invalid.errors()).stream().map(f -> f.field() + ": " + f.message())
                                .toList()));
            }
        }
    }
}
