package dev.burnrate.plugins.policypack;

import org.pf4j.Plugin;

/**
 * The PF4J entry point. Keep it empty: the host talks to the {@link MaxGpusPerRequestRule} and
 * {@link SpotSavingsRecommender} extensions.
 */
public class PolicyPackPlugin extends Plugin {
}
