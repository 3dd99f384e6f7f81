package dev.burnrate.portal.recommendation;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.burnrate.portal.budget.Money;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The grid of accepted recommendations: what was expected when accepted, and the realised saving once recorded. */
final class AcceptedRecommendations {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private AcceptedRecommendations() {
    }

    static Grid<RecommendationDecision> grid(List<RecommendationDecision> accepted) {
        Grid<RecommendationDecision> grid = new Grid<>();
        grid.setId("accepted-recommendations");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RecommendationDecision::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(RecommendationDecision::title).setHeader("Recommendation").setFlexGrow(3).setWidth("24em");
        grid.addColumn(d -> Money.of(d.expectedMonthlySaving(), d.currency()))
                .setHeader("Expected saving per month").setAutoWidth(true);
        grid.addColumn(AcceptedRecommendations::realised).setHeader("Realised saving per month").setAutoWidth(true);
        grid.addColumn(d -> d.decidedBy() + ", " + DAY.format(d.decidedAt())).setHeader("Accepted by")
                .setAutoWidth(true);
        grid.setItems(accepted);
        grid.setAllRowsVisible(true);
        return grid;
    }

    static String realised(RecommendationDecision d) {
        return d.realisedMonthlySaving() == null ? "not measured yet"
                : Money.of(d.realisedMonthlySaving(), d.currency()) + " (" + DAY.format(d.realisedAt()) + ")";
    }
}
