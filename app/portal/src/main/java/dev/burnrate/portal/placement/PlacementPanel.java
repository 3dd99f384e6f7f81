package dev.burnrate.portal.placement;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.budget.Money;
import dev.burnrate.portal.provisioning.RequestDraft;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Placement panel of /provision: on request (ranking every offering runs the estimator and the policies for
 * each, too much for every keystroke) the cheapest feasible offerings for the form's job, with why the others were
 * left out. "Use" puts a placement into the form, where the ordinary estimate, policies and approval apply.
 */
public class PlacementPanel extends VerticalLayout {

    static final int SHOWN = 10;

    private final PlacementService service;
    private final BackgroundWork work;
    private final Supplier<RequestDraft> draft;
    private final Consumer<RequestDraft> use;
    private final Grid<Placement> grid = new Grid<>(Placement.class, false);
    private final Paragraph status = new Paragraph();
    private final UnorderedList excluded = new UnorderedList();
    private final Button rank = new Button("Find cheaper placements");

    public PlacementPanel(PlacementService service, BackgroundWork work, Supplier<RequestDraft> draft,
                         Consumer<RequestDraft> use) {
        this.service = service;
        this.work = work;
        this.draft = draft;
        this.use = use;
        setId("placement");
        setPadding(false);
        rank.setId("placement-rank");
        rank.addClickListener(click -> rank());
        rank.setDisableOnClick(true);
        status.setId("placement-status");
        excluded.setId("placement-excluded");
        grid.setId("placement-grid");
        grid.addColumn(p -> p.offering().key()).setHeader("Offering").setAutoWidth(true);
        grid.addColumn(p -> p.offering().acceleratorLabel() + " × " + p.instances() * p.offering().offering()
                .acceleratorCount()).setHeader("Hardware").setAutoWidth(true);
        grid.addColumn(p -> p.hours() == null ? "until stopped" : String.format("%.1f h", p.hours()))
                .setHeader("Finishes in").setAutoWidth(true);
        grid.addColumn(p -> Money.of(p.estimate().expectedTotal(), p.estimate().currency())).setHeader("Cost per job")
                .setAutoWidth(true);
        grid.addColumn(p -> Money.of(p.estimate().p90Total(), p.estimate().currency())).setHeader("P90")
                .setAutoWidth(true);
        grid.addColumn(p -> p.outcome().name().toLowerCase().replace('_', ' ')).setHeader("Policies")
                .setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Button button = new Button("Use", click -> use.accept(p.draft()));
            button.addClassName("placement-use");
            return button;
        }).setHeader("");
        grid.setAllRowsVisible(true);
        grid.setVisible(false);
        add(new H3("Placement"), new Paragraph("Every provider, region and accelerator, ranked by the cost of this"
                + " job (time to finish from the hardware's throughput; spot runs simulated), among those the"
                + " policies allow."), rank, status, grid, excluded);
    }

    private void rank() {
        RequestDraft job = draft.get();
        status.setText("Ranking…");
        try {
            ViewTask.start(this, work, "the placement ranking", task -> service.rank(job), ranking -> {
                rank.setEnabled(true);
                show(ranking);
            }, e -> {
                rank.setEnabled(true);
                status.setText("No ranking: " + e.getMessage());
                grid.setVisible(false);
                excluded.removeAll();
            });
        } catch (BackgroundWork.Busy busy) {
            status.setText(busy.getMessage());
            rank.setEnabled(true);
        }
    }

    void show(PlacementRanking ranking) {
        grid.setItems(ranking.cheapest(SHOWN));
        grid.setVisible(!ranking.feasible().isEmpty());
        status.setText(ranking.feasible().isEmpty() ? "No offering is both able to run this job and allowed."
                : ranking.feasible().size() + " feasible offerings; the " + Math.min(SHOWN, ranking.feasible().size())
                + " cheapest per job:");
        excluded.removeAll();
        for (Map.Entry<String, Long> reason : ranking.exclusionCounts().entrySet()) {
            excluded.add(new ListItem(reason.getValue() + " left out: " + reason.getKey()));
        }
    }
}
