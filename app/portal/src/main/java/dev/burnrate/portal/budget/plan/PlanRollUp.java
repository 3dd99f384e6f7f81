package dev.burnrate.portal.budget.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One budget in the roll-up: its own plan next to the sum of its direct children's plans per period. A parent
 * planned below what its children add up to is flagged in those periods (children roll up to parents, so such a
 * parent cannot hold).
 *
 * @param depth       0 for a budget without a (visible) parent
 * @param childIds    the direct children, by name
 * @param childrenSum per period, the sum of the direct children's plans (empty for a leaf)
 * @param belowChildren the periods where the budget's own plan (or its absence) is below {@code childrenSum}
 */
public record PlanRollUp(BudgetPlan plan, int depth, List<String> childIds, SortedMap<LocalDate, BigDecimal> childrenSum,
                         SortedSet<LocalDate> belowChildren) {

    public PlanRollUp {
        childIds = List.copyOf(childIds);
        childrenSum = Collections.unmodifiableSortedMap(new TreeMap<>(childrenSum));
        belowChildren = Collections.unmodifiableSortedSet(new TreeSet<>(belowChildren));
    }

    public boolean hasChildren() {
        return !childIds.isEmpty();
    }

    /** The budgets in tree order (each parent before its children, siblings by name). */
    static List<PlanRollUp> of(List<BudgetPlan> plans) {
        Map<String, BudgetPlan> byId = plans.stream().collect(Collectors.toMap(BudgetPlan::id, p -> p));
        Map<String, List<BudgetPlan>> children = plans.stream().filter(p -> p.parentId() != null
                        && byId.containsKey(p.parentId()))
                .collect(Collectors.groupingBy(BudgetPlan::parentId));
        List<PlanRollUp> rows = new ArrayList<>();
        plans.stream().filter(p -> p.parentId() == null || !byId.containsKey(p.parentId()))
                .sorted(Comparator.comparing(BudgetPlan::name)).forEach(root -> add(root, 0, children, rows));
        return rows;
    }

    private static void add(BudgetPlan plan, int depth, Map<String, List<BudgetPlan>> children, List<PlanRollUp> rows) {
        List<BudgetPlan> kids = children.getOrDefault(plan.id(), List.of()).stream()
                .sorted(Comparator.comparing(BudgetPlan::name)).toList();
        TreeMap<LocalDate, BigDecimal> sum = new TreeMap<>();
        kids.forEach(k -> k.amounts().forEach((start, amount) -> sum.merge(start, amount, BigDecimal::add)));
        TreeSet<LocalDate> below = new TreeSet<>();
        sum.forEach((start, total) -> {
            if (plan.amountFor(start).orElse(BigDecimal.ZERO).compareTo(total) < 0) {
                below.add(start);
            }
        });
        rows.add(new PlanRollUp(plan, depth, kids.stream().map(BudgetPlan::id).toList(), sum, below));
        kids.forEach(k -> add(k, depth + 1, children, rows));
    }
}
