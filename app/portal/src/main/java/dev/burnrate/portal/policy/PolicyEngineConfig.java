package dev.burnrate.portal.policy;

import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.continuous.ContinuousEvaluator;
import dev.burnrate.engine.policy.schema.PolicyParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's policy parts as beans: one parser over the {@link PluginRuleTypeRegistry} (budget rules may name the
 * portal's budget plans; plugins may add rule types), one evaluator on the portal's clock.
 */
@Configuration
class PolicyEngineConfig {

    /** Parses against the rule types usable at the time: the built-in ones and the started plugins'. */
    @Bean
    PolicyParser policyParser(PluginRuleTypeRegistry registry) {
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
