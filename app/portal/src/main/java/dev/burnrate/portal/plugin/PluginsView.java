package dev.burnrate.portal.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.burnrate.engine.plugin.HostPluginState;
import dev.burnrate.portal.security.Role;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;

/**
 * Admin > Plugins: every plugin with its version, provider, state, extensions and error; enable, disable,
 * uninstall; install by uploading a jar or zip. The service audits every change.
 */
@Route("admin/plugins")
@PageTitle("Plugins · Burnrate")
@Menu(order = 91, title = "Admin · Plugins", icon = "vaadin:plug")
@RolesAllowed(Role.Names.ADMIN)
public class PluginsView extends VerticalLayout {
    static final int MAX_UPLOAD_BYTES = 64 << 20;

    private final PluginAdminService service;
    private final Grid<PluginSummary> grid = new Grid<>(PluginSummary.class, false);
    private final Div uploadResult = new Div();
    private UI ui;

    public PluginsView(PluginAdminService service) {
        this.service = service;
        addClassName("plugins-view");
        setSizeFull();

        // The upload arrives on its own request; the UI is captured on attach to update it afterwards.
        addAttachListener(event -> ui = event.getUI());
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> install(metadata.fileName(), content)));
        upload.setId("plugin-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".jar", ".zip");
        upload.setDropLabel(new Span("Drop a plugin .jar or .zip here"));
        upload.addFileRejectedListener(e -> showError("The file was refused: " + e.getErrorMessage(), null));
        uploadResult.setId("upload-result");
        uploadResult.addClassName("upload-result");

        grid.setId("plugins-grid");
        grid.addColumn(PluginSummary::id).setHeader("Plugin").setAutoWidth(true).setFrozen(true);
        grid.addColumn(PluginSummary::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(PluginSummary::provider).setHeader("Provider").setAutoWidth(true);
        grid.addComponentColumn(PluginsView::stateBadge).setHeader("State").setAutoWidth(true);
        grid.addColumn(PluginSummary::extensionsText).setHeader("Extensions").setAutoWidth(true);
        grid.addColumn(p -> p.source() == null ? "folder" : p.source().name().toLowerCase()).setHeader("Source")
                .setAutoWidth(true);
        grid.addColumn(p -> p.sha256() == null ? "" : p.sha256().substring(0, 12) + "…").setHeader("SHA-256")
                .setTooltipGenerator(PluginSummary::sha256).setAutoWidth(true);
        grid.addColumn(PluginSummary::error).setHeader("Error").setTooltipGenerator(PluginSummary::error)
                .setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFrozenToEnd(true);

        add(new H2("Plugins"), new Paragraph("Upload a PF4J plugin jar or zip. It is checked before anything of it "
                + "loads; a plugin that does not pass is not installed."), upload, uploadResult, grid);
        refresh();
    }

    private void install(String fileName, byte[] content) {
        try {
            PluginSummary installed = service.install(fileName, content);
            ui.access(() -> {
                refresh();
                uploadResult.removeAll();
                uploadResult.setClassName("upload-result success");
                uploadResult.add(new Span("Installed " + installed.id() + " " + installed.version() + " ("
                        + installed.extensionsText() + "), SHA-256 " + installed.sha256()));
                notify("Installed plugin " + installed.id(), NotificationVariant.LUMO_SUCCESS);
            });
        } catch (PluginUploadException e) {
            ui.access(() -> showError(e.getMessage(), e));
        }
    }

    private void showError(String message, PluginUploadException error) {
        uploadResult.removeAll();
        uploadResult.setClassName("upload-result error");
        if (error != null && !error.problems().isEmpty()) {
            uploadResult.add(new Span("Not installed. Fix the following and upload again:"));
            UnorderedList problems = new UnorderedList();
            error.problems().forEach(p -> problems.add(new ListItem(p)));
            uploadResult.add(problems);
        } else {
            uploadResult.add(new Span("Not installed: " + message));
        }
        notify("The plugin was not installed", NotificationVariant.LUMO_ERROR);
    }

    private HorizontalLayout actions(PluginSummary plugin) {
        HorizontalLayout actions = new HorizontalLayout();
        boolean off = plugin.state() != HostPluginState.STARTED;
        if (plugin.version() != null) {
            Button toggle = new Button(off ? "Enable" : "Disable", click -> {
                PluginSummary result = off ? service.enable(plugin.id()) : service.disable(plugin.id());
                refresh();
                notify(plugin.id() + " is " + result.state().name().toLowerCase(), result.error() == null
                        ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
            });
            toggle.setId((off ? "enable-" : "disable-") + plugin.id());
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(toggle);
        }
        Button settings = new Button("Settings", click -> click.getSource().getUI().ifPresent(ui ->
                ui.navigate(PluginSettingsView.class, plugin.id())));
        settings.setId("settings-" + plugin.id());
        settings.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        List<String> missing = service.missingSettings(plugin.id());
        if (!missing.isEmpty()) {
            settings.setText("Settings: " + String.join(", ", missing) + " not set");
            settings.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        actions.add(settings);
        Button uninstall = new Button("Uninstall", click -> confirmUninstall(plugin));
        uninstall.setId("uninstall-" + plugin.id());
        uninstall.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        actions.add(uninstall);
        return actions;
    }

    private void confirmUninstall(PluginSummary plugin) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Uninstall " + plugin.id() + "?");
        dialog.add(new Paragraph("Its archive is deleted from the plugins folder and its extensions disappear. "
                + "State it stored stays in the database."));
        Button confirm = new Button("Uninstall", click -> {
            service.uninstall(plugin.id());
            dialog.close();
            refresh();
            notify("Uninstalled " + plugin.id(), NotificationVariant.LUMO_SUCCESS);
        });
        confirm.setId("confirm-uninstall");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    private static Span stateBadge(PluginSummary plugin) {
        Span badge = new Span(plugin.state().name());
        String theme = switch (plugin.state()) {
            case STARTED -> "badge success";
            case FAILED, SUSPENDED -> "badge error";
            default -> "badge contrast";
        };
        badge.getElement().getThemeList().add(theme);
        badge.getElement().setAttribute("data-plugin", plugin.id());
        return badge;
    }

    private void refresh() {
        grid.setItems(service.list());
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
