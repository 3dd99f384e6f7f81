package dev.burnrate.portal.review;

import dev.burnrate.portal.demo.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the review of the last closed month is open on first start, so a new finance user lands on a real
 * month-end (twelve months of demo billing, plans for every team, vision over its plan, search's spike) with
 * nothing to set up. Skipped when that review exists or the month has no data.
 */
@Component
class ReviewDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(ReviewDemoData.class);

    private final ReviewService reviews;

    ReviewDemoData(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public String name() {
        return "budget review";
    }

    @Override
    public void load() {
        ReviewPeriod month = reviews.defaultPeriod();
        if (reviews.find(month).isPresent()) {
            return;
        }
        try {
            reviews.open(month);
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.info("No demo review of {}: {}", month.label(), e.getMessage());
        }
    }
}
