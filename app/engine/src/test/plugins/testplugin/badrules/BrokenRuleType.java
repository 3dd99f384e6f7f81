package testplugin.badrules;

import dev.burnrate.api.RuleFacts;
import dev.burnrate.api.RuleFinding;
import dev.burnrate.api.RuleParameter;
import dev.burnrate.api.RuleTypeProvider;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** A rule type whose declaration cannot be read: the check calls at install find it. */
@Extension
public class BrokenRuleType implements RuleTypeProvider {
    @Override
    public String id() {
        return "broken-rules";
    }

    @Override
    public String displayName() {
        return "Broken rules";
    }

    @Override
    public String ruleType() {
        return "broken_rule";
    }

    @Override
    public String description() {
        return "Cannot say what it takes.";
    }

    @Override
    public List<RuleParameter> parameters() {
        throw new IllegalStateException("schema file missing");
    }

    @Override
    public List<RuleFinding> evaluate(Map<String, Object> parameters, RuleFacts facts) {
        return List.of();
    }
}
