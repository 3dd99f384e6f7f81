package dev.burnrate.portal.recommendation;

import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.Recommender;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import dev.burnrate.portal.budget.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Built in: interactive resources (notebooks, workbenches, dev boxes, told by their name or project) that have run
 * without a stop for longer than a working day, i.e. left running overnight. The providers report no activity
 * figures to the portal yet, so "left running" is judged from the uninterrupted running time alone: a notebook used
 * in working hours runs about {@value #WORKING_HOURS_PER_MONTH} of a month's {@value #HOURS_PER_MONTH} hours, and
 * stopping it outside them (the autostop policy) saves the rest.
 */
@Component
@Order(10)
public class IdleNotebookRecommender implements Recommender {

    static final double HOURS_PER_MONTH = 730;
    /** 10 hours on each of about 21.7 working days a month. */
    static final double WORKING_HOURS_PER_MONTH = 217;
    /** Generous use: 16 hours a day on every day (the low end of the saving). */
    static final double LONG_DAYS_HOURS_PER_MONTH = 16 * HOURS_PER_MONTH / 24;
    /** Running longer than this without a stop means it was left running overnight. */
    static final Duration LEFT_RUNNING_AFTER = Duration.ofHours(12);

    private static final Pattern INTERACTIVE = Pattern.compile("notebook|jupyter|workbench|dev-?box|sandbox");

    @Override
    public String id() {
        return "idle-notebooks";
    }

    @Override
    public String displayName() {
        return "Notebooks left running";
    }

    @Override
    public List<Recommendation> recommend(RecommendationInput input) {
        List<Recommendation> advice = new ArrayList<>();
        for (ResourceFacts r : input.resources()) {
            Duration running = Duration.between(r.stateSince(), input.now());
            if (r.state() != ResourceState.RUNNING || !interactive(r) || running.compareTo(LEFT_RUNNING_AFTER) <= 0
                    || r.hourlyCost() <= 0) {
                continue;
            }
            String name = r.name() == null ? r.resourceId() : r.name();
            double p50 = r.hourlyCost() * (HOURS_PER_MONTH - WORKING_HOURS_PER_MONTH);
            double low = r.hourlyCost() * (HOURS_PER_MONTH - LONG_DAYS_HOURS_PER_MONTH);
            double high = r.hourlyCost() * HOURS_PER_MONTH;
            advice.add(new Recommendation("idle:" + r.resourceId(), r.team(),
                    "Stop " + name + " outside working hours (adopt autostop)", List.of(
                    name + " (" + r.instanceType() + " in " + r.regionId() + ") has run for " + running.toHours()
                            + " hours without a stop: it was left running overnight.",
                    "It costs " + Money.of(r.hourlyCost(), r.currency()) + " per hour whether or not anyone works"
                            + " on it.",
                    "Used in working hours only (about " + (int) WORKING_HOURS_PER_MONTH + " of "
                            + (int) HOURS_PER_MONTH + " hours a month), stopping it the rest of the time saves the"
                            + " median; the range goes from 16-hour days every day to stopping it for good.",
                    "Stopping a notebook loses what it holds in memory: save the work first."),
                    p50, low, high, r.currency(), Recommendation.Risk.MEDIUM, null));
        }
        return advice;
    }

    private static boolean interactive(ResourceFacts r) {
        String words = ((r.name() == null ? "" : r.name()) + " " + (r.project() == null ? "" : r.project()))
                .toLowerCase(Locale.ROOT);
        return INTERACTIVE.matcher(words).find();
    }
}
