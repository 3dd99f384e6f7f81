package dev.burnrate.portal.review;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.burnrate.portal.budget.plan.PlanGranularity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Month or quarter, and which one: the two years up to the current period, or a period asked for by link. */
class PeriodPicker extends HorizontalLayout {

    private final Select<PlanGranularity> kind = new Select<>();
    private final Select<ReviewPeriod> period = new Select<>();
    private final ReviewPeriod initial;

    PeriodPicker(ReviewPeriod initial, Consumer<ReviewPeriod> changed) {
        this.initial = initial;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        kind.setLabel("Period");
        kind.setId("review-kind");
        kind.setItems(PlanGranularity.MONTH, PlanGranularity.QUARTER);
        kind.setItemLabelGenerator(k -> k == PlanGranularity.MONTH ? "Month" : "Quarter");
        period.setId("review-period");
        period.setItemLabelGenerator(ReviewPeriod::label);
        kind.setValue(initial.kind());
        period.setItems(periods(initial.kind(), initial));
        period.setValue(initial);
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                ReviewPeriod last = ReviewPeriod.containing(e.getValue(), initial.start());
                period.setItems(periods(e.getValue(), last));
                period.setValue(last);
            }
        });
        period.addValueChangeListener(e -> changed.accept(e.getValue()));
        add(kind, period);
    }

    ReviewPeriod value() {
        return period.getValue();
    }

    /** Shows {@code target}, adding it to the choices when it is older than they reach. */
    void select(ReviewPeriod target) {
        kind.setValue(target.kind());
        List<ReviewPeriod> items = new ArrayList<>(periods(target.kind(), initial));
        if (!items.contains(target)) {
            items.add(target);
        }
        period.setItems(items);
        period.setValue(target);
    }

    private static List<ReviewPeriod> periods(PlanGranularity kind, ReviewPeriod last) {
        List<ReviewPeriod> out = new ArrayList<>();
        ReviewPeriod p = new ReviewPeriod(kind, kind.periodStart(last.start().plusMonths(kind.months())));
        for (int i = 0; i < (kind == PlanGranularity.MONTH ? 25 : 9); i++) {
            out.add(p);
            p = p.previous();
        }
        return out;
    }
}
