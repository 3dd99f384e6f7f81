package dev.burnrate.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * A parsed, validated policy at one version. Only {@link dev.burnrate.engine.policy.schema.PolicyParser} makes
 * them from YAML, so a policy is always complete.
 *
 * @param id          stable id, e.g. {@code gdpr-eu-residency}
 * @param version     the stored version (1, 2, ...); 0 for a draft not stored yet
 * @param name        readable name
 * @param description why the policy exists
 * @param scope       which requests and resources it applies to
 * @param mode        enforce or audit
 * @param rules       its rules, in the order written
 * @param source      the YAML it was parsed from
 */
public record Policy(String id, int version, String name, String description, PolicyScope scope, PolicyMode mode,
                     List<Rule> rules, String source) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(mode, "mode");
        rules = List.copyOf(rules);
        description = description == null ? "" : description;
        source = source == null ? "" : source;
    }

    public PolicyRef ref() {
        return new PolicyRef(id, version);
    }

    public Policy withVersion(int newVersion) {
        return new Policy(id, newVersion, name, description, scope, mode, rules, source);
    }
}
