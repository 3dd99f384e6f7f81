package dev.burnrate.engine.policy;

import java.util.List;

/**
 * One validated rule of a policy. Implementations are immutable and thread-safe; they judge one request or
 * resource and return what they found wrong (nothing when it complies).
 */
public interface Rule {

    /** The rule's id within its policy (from YAML, or its type name). */
    String id();

    /** The registered type name, e.g. {@code budget}. */
    String type();

    List<Finding> check(PolicyInput input, EvaluationContext context);
}
