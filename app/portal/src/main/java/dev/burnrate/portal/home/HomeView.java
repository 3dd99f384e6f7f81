package dev.burnrate.portal.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The overview: what is configured and loaded, feature by feature, with links to each area. */
@Route("")
@PageTitle("Overview · Burnrate")
@Menu(order = 0, title = "Overview", icon = "vaadin:dashboard")
@PermitAll
public class HomeView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HomeView.class);

    public HomeView(List<OverviewProvider> providers) {
        addClassName("home-view");
        add(new H2("Overview"));
        Map<String, List<OverviewFigure>> byArea = new LinkedHashMap<>();
        providers.stream().sorted(Comparator.comparingInt(OverviewProvider::order)).forEach(provider -> {
            try {
                provider.figures().forEach(f -> byArea.computeIfAbsent(f.area(), a -> new ArrayList<>()).add(f));
            } catch (RuntimeException e) {
                log.warn("Overview figures of {} are unavailable", provider.getClass().getSimpleName(), e);
                byArea.computeIfAbsent("Unavailable", a -> new ArrayList<>()).add(new OverviewFigure("Unavailable",
                        provider.getClass().getSimpleName(), "error", "See the server log", null));
            }
        });
        byArea.forEach((area, figures) -> {
            add(new H3(area));
            Div cards = new Div();
            cards.addClassName("figure-cards");
            figures.forEach(figure -> cards.add(card(figure)));
            add(cards);
        });
        add(new H3("Areas"));
        Div links = new Div();
        links.addClassName("area-links");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!entry.path().isEmpty()) {
                links.add(new Anchor(entry.path(), entry.title()));
            }
        }
        add(links);
    }

    private static Div card(OverviewFigure figure) {
        Div card = new Div();
        card.addClassName("figure-card");
        Span label = new Span(figure.label());
        label.addClassName("figure-label");
        Span value = new Span(figure.value());
        value.addClassName("figure-value");
        card.add(label, value);
        if (figure.detail() != null) {
            Paragraph detail = new Paragraph(figure.detail());
            detail.addClassName("figure-detail");
            card.add(detail);
        }
        if (figure.route() != null) {
            card.add(new Anchor(figure.route(), "Open"));
        }
        return card;
    }
}
