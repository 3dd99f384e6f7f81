package dev.burnrate.portal.recommendation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.api.Recommendation;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.budget.Money;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recommendations: what the recommender plugins suggest for the teams the user may see, per team, each with its
 * evidence, the estimated monthly saving (median and range), the risk, and, where it suggests a new request, a link
 * that opens the Provision page prefilled (the request is then estimated, checked and approved like any other).
 */
@Route("recommendations")
@PageTitle("Recommendations · Burnrate")
@Menu(order = 38.5, title = "Recommendations", icon = "vaadin:lightbulb")
@PermitAll
public class RecommendationsView extends VerticalLayout {

    private final Div content = new Div();
    private final RecommendationService service;
    private final BackgroundWork work;

    /** Recommenders are plugin calls (up to the plugin time limit each): they run on the work pool, not here. */
    public RecommendationsView(RecommendationService service, BackgroundWork work) {
        this.service = service;
        this.work = work;
        addClassName("recommendations-view");
        setWidthFull();
        content.setWidthFull();
        Paragraph loading = new Paragraph("Asking the recommenders…");
        loading.setId("recommendations-loading");
        content.add(loading);
        add(new H2("Recommendations"), content);
        addAttachListener(attached -> load());
    }

    private void load() {
        try {
            ViewTask.start(this, work, "the recommendations", task -> service.recommendations(), this::show,
                    failed -> showMessage("No recommendations: " + failed.getMessage()));
        } catch (BackgroundWork.Busy busy) {
            showMessage(busy.getMessage());
        }
    }

    private void show(RecommendationReport report) {
        content.removeAll();
        for (String problem : report.problems()) {
            Paragraph p = new Paragraph(problem);
            p.addClassName("recommendation-problem");
            content.add(p);
        }
        if (!report.accepted().isEmpty()) {
            content.add(new H3("Accepted"), AcceptedRecommendations.grid(report.accepted()));
        }
        if (report.recommendations().isEmpty()) {
            Paragraph none = new Paragraph("No recommendations for your teams. They come from the portal's own "
                    + "recommenders and from recommender plugins (Admin · Plugins), and are about live resources.");
            none.setId("no-recommendations");
            content.add(none);
            return;
        }
        Map<String, List<ShownRecommendation>> byTeam = new LinkedHashMap<>();
        report.recommendations().forEach(s -> byTeam.computeIfAbsent(s.recommendation().team(),
                t -> new ArrayList<>()).add(s));
        byTeam.forEach((team, items) -> content.add(new H3("Team " + team), grid(team, items)));
    }

    private void showMessage(String message) {
        content.removeAll();
        Paragraph p = new Paragraph(message);
        p.addClassName("recommendation-problem");
        content.add(p);
    }

    private Grid<ShownRecommendation> grid(String team, List<ShownRecommendation> items) {
        Grid<ShownRecommendation> grid = new Grid<>();
        grid.setId("recommendations-" + team);
        grid.addClassName("recommendations-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(RecommendationsView::what).setHeader("Recommendation").setFlexGrow(3)
                .setWidth("28em");
        grid.addColumn(s -> saving(s.recommendation())).setHeader("Saving per month (P50, range)").setAutoWidth(true);
        grid.addComponentColumn(s -> risk(s.recommendation().risk())).setHeader("Risk").setAutoWidth(true);
        grid.addColumn(s -> s.recommender() + (RecommendationService.BUILT_IN.equals(s.pluginId()) ? " (built in)"
                : " (" + s.pluginId() + ")")).setHeader("From").setAutoWidth(true);
        grid.addComponentColumn(RecommendationsView::action).setHeader("Action").setAutoWidth(true);
        grid.addComponentColumn(this::decide).setHeader("Decide").setAutoWidth(true);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Component what(ShownRecommendation s) {
        Div cell = new Div(new Span(s.recommendation().title()));
        cell.addClassName("recommendation");
        UnorderedList evidence = new UnorderedList();
        evidence.addClassName("recommendation-evidence");
        s.recommendation().evidence().forEach(fact -> evidence.add(new ListItem(fact)));
        cell.add(evidence);
        return cell;
    }

    static String saving(Recommendation r) {
        return Money.of(r.monthlySavingP50(), r.currency()) + " (" + Money.of(r.monthlySavingLow(), r.currency())
                + " – " + Money.of(r.monthlySavingHigh(), r.currency()) + ")";
    }

    private static Span risk(Recommendation.Risk risk) {
        Span badge = new Span(risk.name());
        String theme = switch (risk) {
            case LOW -> "badge success";
            case MEDIUM -> "badge warning";
            case HIGH -> "badge error";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.getElement().setAttribute("data-value", risk.name());
        return badge;
    }

    /** Accept or dismiss, recorded for the team; the page then asks afresh (the decided one leaves the list). */
    private Component decide(ShownRecommendation s) {
        Button accept = new Button("Accept", click -> decide(() -> service.accept(s), "Accepted: "));
        accept.addClassName("accept-recommendation");
        accept.getElement().setAttribute("data-source", s.pluginId());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button dismiss = new Button("Dismiss", click -> decide(() -> service.dismiss(s), "Dismissed: "));
        dismiss.addClassName("dismiss-recommendation");
        dismiss.getElement().setAttribute("data-source", s.pluginId());
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new Div(accept, dismiss);
    }

    private void decide(Supplier<RecommendationDecision> decision, String what) {
        try {
            Notification.show(what + decision.get().title());
            load();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage());
        }
    }

    private static Component action(ShownRecommendation s) {
        if (s.provisionLink() == null) {
            return new Span("");
        }
        Anchor open = new Anchor(s.provisionLink(), "Open in Provision");
        open.addClassName("provision-suggestion");
        open.getElement().setAttribute("data-source", s.pluginId());
        open.setTitle("Opens the Provision page prefilled; the request is estimated, checked against the policies "
                + "and approved like any other.");
        return open;
    }
}
