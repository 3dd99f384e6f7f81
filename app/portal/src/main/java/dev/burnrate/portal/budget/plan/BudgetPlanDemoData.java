package dev.burnrate.portal.budget.plan;

import dev.burnrate.portal.demo.DemoDataContributor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Demo budget plans: one per demo team, planned per month for the last twelve closed months and the whole current
 * year, owned by the demo approver, and the parent "Research" (tag cost-center=research, owned by finance) that
 * ml-research and vision roll up to. Loaded before the demo policies, since the ML research policy names its
 * team's budget. A budget that already exists is left as it is (an install migrated by V073 has ml-research).
 */
@Component
class BudgetPlanDemoData implements DemoDataContributor {

    /** Team, monthly plan (USD, EffectiveCost), parent. */
    private record DemoPlan(String team, String monthly, String parent) {
    }

    static final String RESEARCH = "research";
    private static final List<DemoPlan> TEAMS = List.of(
            new DemoPlan("ml-research", "50000", RESEARCH),
            new DemoPlan("inference", "14000", null),
            new DemoPlan("platform", "7000", null),
            new DemoPlan("vision", "9500", RESEARCH),
            new DemoPlan("search", "5000", null));

    private final BudgetPlanService plans;
    private final BudgetPlanRepository repository;
    private final Clock clock;

    BudgetPlanDemoData(BudgetPlanService plans, BudgetPlanRepository repository, Clock clock) {
        this.plans = plans;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 350;
    }

    @Override
    public String name() {
        return "budget plans";
    }

    @Override
    public void load() {
        TreeMap<LocalDate, String> months = months();
        if (repository.find(RESEARCH).isEmpty()) {
            TreeMap<LocalDate, String> research = new TreeMap<>();
            months.keySet().forEach(m -> research.put(m, "60000"));
            plans.create(new PlanDraft(RESEARCH, "Research", "finance", "TAG", "cost-center=research", null, "USD",
                    "MONTH", null, research));
        }
        for (DemoPlan demo : TEAMS) {
            if (repository.find(demo.team()).isPresent()) {
                continue;
            }
            TreeMap<LocalDate, String> amounts = new TreeMap<>();
            months.keySet().forEach(m -> amounts.put(m, demo.monthly()));
            plans.create(new PlanDraft(demo.team(), title(demo.team()), "approver", "TEAM", demo.team(), null, "USD",
                    "MONTH", demo.parent(), amounts));
        }
    }

    /** The last twelve closed months and every month of the current year. */
    private TreeMap<LocalDate, String> months() {
        LocalDate thisMonth = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        TreeMap<LocalDate, String> months = new TreeMap<>();
        for (LocalDate m = thisMonth.minusMonths(12); m.getYear() <= thisMonth.getYear(); m = m.plusMonths(1)) {
            months.put(m, "");
        }
        return months;
    }

    private static String title(String team) {
        return switch (team) {
            case "ml-research" -> "ML research";
            case "inference" -> "Inference";
            case "platform" -> "Platform";
            case "vision" -> "Vision";
            default -> "Search";
        };
    }
}
