package dev.burnrate.portal.policy;

import dev.burnrate.portal.demo.DemoDataContributor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Demo policies that show each outcome: a GDPR policy that refuses us-east-1 for personal-eu data, a budget that
 * asks for approval past 80%, security and spot rules, a hardware allow-list, and an audit-only tagging policy.
 * Saved through the policy service, so they are validated, versioned and audited like an administrator's.
 */
@Component
class PolicyDemoData implements DemoDataContributor {

    private final PolicyService policies;

    PolicyDemoData(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public String name() {
        return "policies";
    }

    @Override
    public void load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/policies/*.yaml");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String yaml = file.getContentAsString(StandardCharsets.UTF_8);
                String id = yaml.lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow()
                        .substring(3).trim();
                if (policies.get(id).isEmpty()) {
                    policies.save(null, yaml, "demo policy");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo policies cannot be read", e);
        }
    }
}
