package dev.burnrate.portal.provisioning;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.portal.demo.DemoDataContributor;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo history: the ML research team already ran a pre-training job this month that cost $37,500 (75% of its demo
 * budget), recorded as a finished request with its metered usage. A new H100 training job then pushes the team past
 * 80% and needs approval, as the demo policies intend.
 */
@Component
class ProvisioningDemoData implements DemoDataContributor {

    static final String REQUEST_ID = "demo-pretrain-run-1";
    static final double SPENT = 37_500;

    private final UserRepository users;
    private final DecisionLog decisions;
    private final RequestRepository requests;
    private final ResourceRepository resources;
    private final Clock clock;

    ProvisioningDemoData(UserRepository users, DecisionLog decisions, RequestRepository requests,
                         ResourceRepository resources, Clock clock) {
        this.users = users;
        this.decisions = decisions;
        this.requests = requests;
        this.resources = resources;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 410;
    }

    @Override
    public String name() {
        return "provisioning history";
    }

    @Override
    @Transactional
    public void load() {
        if (requests.find(REQUEST_ID).isPresent()) {
            return;
        }
        long team = users.findTeamByName("ml-research").orElseThrow().id();
        Instant now = clock.instant();
        Instant start = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, "ml-research", "llm-pretrain", "pretrain-run-1",
                "aws", "eu-north-1", "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, null, "internal",
                Map.of("cost-center", "CC-4711", "owner", "engineer"), true, true, true, false);
        long decision = decisions.record(DecisionKind.REQUEST, REQUEST_ID, "ml-research", "engineer",
                Decision.of(List.of(), List.of(), List.of()), Map.of("demo", "history"), start);
        requests.insert(REQUEST_ID, team, "engineer", draft,
                new Estimate(58.8928, SPENT, SPENT, 58.8928 * Estimate.HOURS_PER_MONTH, "demo history"), "ALLOW",
                RequestState.PROVISIONED, false, decision, start);
        StoredRequest request = requests.find(REQUEST_ID).orElseThrow();
        String resourceId = "demo-i-pretrain-run-1";
        resources.insert(request, new ResourceStatus(resourceId, ResourceState.RUNNING, start, "demo"), start);
        requests.attachResource(REQUEST_ID, resourceId);
        StoredResource resource = resources.find(resourceId).orElseThrow();
        resources.recordUsage(resource, usage(resource, start, now.minusSeconds(60)), now);
        resources.updateState(resourceId, new ResourceStatus(resourceId, ResourceState.DELETED, now.minusSeconds(60),
                "finished (demo history)"), now);
    }

    /** Hourly rows from {@code start} to {@code end} adding up to {@link #SPENT}. */
    private static List<UsageRecord> usage(StoredResource r, Instant start, Instant end) {
        List<Instant> hours = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(1, ChronoUnit.HOURS)) {
            hours.add(t);
        }
        if (hours.isEmpty()) {
            hours.add(start);
        }
        double perRow = SPENT / hours.size();
        List<UsageRecord> rows = new ArrayList<>();
        for (Instant from : hours) {
            Instant to = from.plus(1, ChronoUnit.HOURS);
            rows.add(new UsageRecord("demo-account", "ml-research", from, to.isAfter(end) && end.isAfter(from) ? end : to,
                    "Usage", "p5.48xlarge demo history", "Standard", perRow, perRow, perRow, perRow, "USD", 1,
                    "Hours", 1, "Hours", "AWS", "Amazon Elastic Compute Cloud", "Compute", r.regionId(), r.id(),
                    r.name(), "Virtual Machine", "p5.48xlarge", Map.of("team", "ml-research")));
        }
        return rows;
    }
}
