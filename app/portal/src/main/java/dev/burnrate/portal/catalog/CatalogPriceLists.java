package dev.burnrate.portal.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.plugin.CatalogUploadService;
import dev.burnrate.portal.plugin.PriceRefreshService;
import dev.burnrate.portal.plugin.StoredPriceList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where each provider's prices come from: its plugin's built-in list (with its version and date when the plugin
 * says), or the refreshed list in effect with its effective date (and a pending one, if any). Administrators get a "Refresh prices" button per provider; the
 * refresh calls the plugin on the background pool and the catalog shows the new prices when it has been applied.
 */
class CatalogPriceLists extends Div {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PriceRefreshService prices;
    private final CatalogUploadService uploads;
    private final BackgroundWork work;
    private final Runnable onApplied;

    CatalogPriceLists(PriceRefreshService prices, CatalogUploadService uploads, BackgroundWork work,
                      Runnable onApplied) {
        this.prices = prices;
        this.uploads = uploads;
        this.work = work;
        this.onApplied = onApplied;
        setId("catalog-price-lists");
        addClassName("catalog-price-lists");
        show();
    }

    void show() {
        removeAll();
        for (PriceRefreshService.ProviderPrices p : prices.priceLists()) {
            Div line = new Div();
            line.addClassName("price-list-line");
            line.getElement().setAttribute("data-provider", p.providerId());
            Span text = new Span(p.providerName() + " prices: " + p.inEffect().map(CatalogPriceLists::describe)
                    .orElse("as the plugin ships them" + p.builtIn().map(e -> " (" + e.describe() + ")").orElse(""))
                    + p.pending().map(l -> "; new prices from "
                    + DATE.format(l.effectiveFrom())).orElse(""));
            text.setId("price-list-" + p.providerId());
            line.add(text);
            pricesDate(p).filter(uploads::isStale).ifPresent(date -> line.add(stale()));
            if (prices.canRefresh()) {
                line.add(refreshButton(p));
            }
            add(line);
        }
    }

    /** When the prices in effect were taken: an applied list's effective date, else the shipped catalog's date. */
    private static Optional<Instant> pricesDate(PriceRefreshService.ProviderPrices p) {
        return p.inEffect().map(StoredPriceList::effectiveFrom)
                .or(() -> p.builtIn().map(edition -> edition.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** Prices older than the configured age are flagged: estimates made with them may be off. */
    private Span stale() {
        Span stale = new Span("Stale: older than " + uploads.staleAfter().toDays() + " days");
        stale.addClassName("price-list-stale");
        stale.getElement().getThemeList().add("badge error");
        return stale;
    }

    private static String describe(StoredPriceList list) {
        return "effective " + DATE.format(list.effectiveFrom()) + " (" + list.source() + "; applied by "
                + list.appliedBy() + " " + DATE.format(list.appliedAt()) + ")";
    }

    private Button refreshButton(PriceRefreshService.ProviderPrices p) {
        Button refresh = new Button("Refresh prices");
        refresh.setId("refresh-prices-" + p.providerId());
        refresh.setDisableOnClick(true);
        refresh.addClickListener(e -> {
            try {
                ViewTask.start(this, work, "the price refresh of " + p.providerName(),
                        task -> prices.refresh(p.providerId()), outcome -> {
                            refresh.setEnabled(true);
                            Notification.show(outcome.message(), 5000, Notification.Position.BOTTOM_START);
                            show();
                            onApplied.run();
                        }, failure -> {
                            refresh.setEnabled(true);
                            Notification.show(failure.getMessage(), 8000, Notification.Position.MIDDLE)
                                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
                        });
            } catch (BackgroundWork.Busy busy) {
                refresh.setEnabled(true);
                Notification.show(busy.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return refresh;
    }
}
