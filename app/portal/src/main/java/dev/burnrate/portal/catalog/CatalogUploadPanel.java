package dev.burnrate.portal.catalog;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.burnrate.api.Offering;
import dev.burnrate.portal.plugin.CatalogUploadService;
import dev.burnrate.portal.plugin.PriceListDiff;
import dev.burnrate.portal.plugin.PriceRefreshService;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * For administrators: upload a newer SkyPilot-format catalog CSV for a provider, see what it would change (new,
 * removed and changed prices) and only then apply it. Nothing is stored until "Apply these prices" is pressed.
 */
class CatalogUploadPanel extends Details {

    private static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final int SHOWN_PER_KIND = 50;

    private final CatalogUploadService uploads;
    private final Runnable onApplied;
    private final Select<PriceRefreshService.ProviderPrices> provider = new Select<>();
    private final Div result = new Div();
    private final Upload upload;
    private UI ui;
    /** Read by the upload's request thread, which does not hold the session lock. */
    private volatile String providerId;

    CatalogUploadPanel(CatalogUploadService uploads, List<PriceRefreshService.ProviderPrices> providers,
                       Runnable onApplied) {
        this.uploads = uploads;
        this.onApplied = onApplied;
        setSummaryText("Upload a newer catalog file");
        setId("catalog-upload");
        addAttachListener(event -> ui = event.getUI());
        provider.setId("catalog-upload-provider");
        provider.setLabel("Provider");
        provider.setItems(providers);
        provider.setItemLabelGenerator(PriceRefreshService.ProviderPrices::providerName);
        provider.addValueChangeListener(e -> providerId = e.getValue() == null ? null : e.getValue().providerId());
        if (!providers.isEmpty()) {
            provider.setValue(providers.get(0));
        }
        // The file arrives on its own request; the UI captured on attach shows the preview afterwards.
        upload = new Upload(UploadHandler.inMemory((metadata, content) -> preview(metadata.fileName(), content)));
        upload.setId("catalog-upload-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv");
        upload.setDropLabel(new Span("Drop a SkyPilot-format catalog .csv here"));
        result.setId("catalog-upload-result");
        add(new Span("The file is compared with the prices in effect; nothing changes until you apply it."),
                provider, upload, result);
    }

    private void preview(String fileName, byte[] content) {
        String chosen = providerId;
        try {
            if (chosen == null) {
                throw new IllegalArgumentException("choose the provider the file is for");
            }
            CatalogUploadService.Preview preview = uploads.preview(chosen, fileName, content);
            ui.access(() -> showPreview(preview));
        } catch (IllegalArgumentException | IllegalStateException e) {
            ui.access(() -> showError(e.getMessage()));
        }
    }

    private void showPreview(CatalogUploadService.Preview preview) {
        upload.clearFileList();
        result.removeAll();
        PriceListDiff diff = preview.diff();
        Span summary = new Span(preview.providerName() + ", " + preview.fileName() + ": " + diff.summary());
        summary.setId("catalog-upload-summary");
        result.add(summary);
        result.add(list("catalog-upload-added", "New", diff.added(), CatalogUploadPanel::describe));
        result.add(list("catalog-upload-removed", "Removed", diff.removed(), CatalogUploadPanel::describe));
        result.add(list("catalog-upload-changed", "Changed", diff.changed(), c -> c.after().key() + ": "
                + price(c.before()) + " → " + price(c.after())));
        if (!preview.skipped().isEmpty()) {
            result.add(list("catalog-upload-skipped", "Skipped rows", preview.skipped(), s -> s));
        }
        Button apply = new Button("Apply these prices", e -> apply(preview));
        apply.setId("catalog-upload-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(!diff.isEmpty());
        Button discard = new Button("Discard", e -> result.removeAll());
        discard.setId("catalog-upload-discard");
        result.add(new Div(apply, discard));
    }

    private void apply(CatalogUploadService.Preview preview) {
        try {
            var stored = uploads.apply(preview);
            result.removeAll();
            Notification.show(preview.providerName() + ": " + stored.offerings().size()
                    + " offerings from " + preview.fileName() + " in effect", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            onApplied.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            showError(e.getMessage());
        }
    }

    private void showError(String message) {
        upload.clearFileList();
        result.removeAll();
        Span error = new Span("Not applied: " + message);
        error.setId("catalog-upload-error");
        error.addClassName("upload-result");
        error.addClassName("error");
        result.add(error);
        Notification.show("The catalog file was not accepted", 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static <T> Div list(String id, String title, List<T> items, Function<T, String> text) {
        Div section = new Div(new Span(title + " (" + items.size() + ")"));
        section.setId(id);
        UnorderedList ul = new UnorderedList();
        items.stream().limit(SHOWN_PER_KIND).forEach(i -> ul.add(new ListItem(text.apply(i))));
        if (items.size() > SHOWN_PER_KIND) {
            ul.add(new ListItem("… and " + (items.size() - SHOWN_PER_KIND) + " more"));
        }
        section.add(ul);
        return section;
    }

    private static String describe(Offering o) {
        return o.key() + " " + price(o);
    }

    private static String price(Offering o) {
        return String.format(Locale.ROOT, "$%.4f/h", o.prices().onDemand())
                + (o.prices().spot() == null ? "" : String.format(Locale.ROOT, " (spot $%.4f/h)", o.prices().spot()));
    }
}
