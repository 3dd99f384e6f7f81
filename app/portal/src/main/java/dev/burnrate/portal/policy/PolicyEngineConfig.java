package dev.burnrate.portal.policy;

import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.PlannedBudgets;
import dev.burnrate.engine.policy.continuous.ContinuousEvaluator;
import dev.burnrate.engine.policy.schema.PolicyParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's policy parts as beans: one registry (budget rules may name the portal's budget plans), one parser,
 * one evaluator on the portal's clock.
 */
@Configuration
class PolicyEngineConfig {

    @Bean
    RuleRegistry ruleRegistry(PlannedBudgets plans) {
        return RuleRegistry.standard(plans);
    }

    @Bean
    PolicyParser policyParser(RuleRegistry registry) {
        return new PolicyParser(registry);
    }

    @Bean
    PolicyEvaluator policyEvaluator(Clock clock) {
        return new PolicyEvaluator(clock);
    }

    @Bean
    ContinuousEvaluator continuousEvaluator(PolicyEvaluator evaluator) {
        return new ContinuousEvaluator(evaluator);
    }
}
