package dev.burnrate.portal.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Every reforecast proposal of the review (all versions), with accept and reject for finance. */
class ProposalsPanel extends VerticalLayout {

    interface Decide {
        void decide(Proposal proposal, boolean accept);
    }

    private final Grid<Proposal> grid = new Grid<>(Proposal.class, false);
    private ReviewSheet sheet;

    ProposalsPanel(Decide decide) {
        setPadding(false);
        setVisible(false);
        grid.setId("review-proposals");
        grid.addColumn(p -> sheet.lines().stream().filter(l -> l.key().equals(p.lineKey())).map(ReviewLine::label)
                .findFirst().orElse(p.lineKey())).setHeader("Line").setAutoWidth(true);
        grid.addColumn(p -> "v" + p.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(p -> Figures.money(p.amount(), p.currency())).setHeader("Reforecast").setAutoWidth(true);
        grid.addColumn(Proposal::proposedBy).setHeader("Proposed by").setAutoWidth(true);
        grid.addColumn(p -> p.note() == null ? "" : p.note()).setHeader("Note").setAutoWidth(true);
        grid.addColumn(p -> p.decision().name().toLowerCase() + (p.decidedBy() == null ? "" : " by "
                + p.decidedBy())).setHeader("Decision").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            HorizontalLayout buttons = new HorizontalLayout();
            if (sheet.mayDecide() && p.decision() == Proposal.Decision.PENDING) {
                Button accept = new Button("Accept", e -> decide.decide(p, true));
                accept.addClassName("proposal-accept");
                accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
                Button reject = new Button("Reject", e -> decide.decide(p, false));
                reject.addClassName("proposal-reject");
                reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                buttons.add(accept, reject);
            }
            return buttons;
        }).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H3("Reforecast proposals"), grid);
    }

    void show(ReviewSheet shown) {
        this.sheet = shown;
        setVisible(!shown.proposals().isEmpty());
        grid.setItems(shown.proposals());
    }
}
