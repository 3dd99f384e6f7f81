package dev.burnrate.portal.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import java.util.List;

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
    private final Upload upload;
    private UI ui;

    public PluginsView(PluginAdminService service) {
        this.service = service;
        addClassName("plugins-view");
        setSizeFull();

        // The upload arrives on its own request; the UI is captured on attach to update it afterwards.
        addAttachListener(event -> ui = event.getUI());
        upload = new Upload(UploadHandler.inMemory((metadata, content) -> install(metadata.fileName(), content)));
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
        grid.addColumn(PluginSummary::description).setHeader("Description").setTooltipGenerator(
                PluginSummary::description).setWidth("16em");
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
        grid.addComponentColumn(PluginsView::warnings).setHeader("Warnings").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFrozenToEnd(true);

        add(new H2("Plugins"), new Paragraph("Upload a PF4J plugin jar or zip. It is checked before anything of it "
                + "loads; a plugin that does not pass is not installed."), upload, uploadResult, grid);
        refresh();
    }

    private void install(String fileName, byte[] content) {
        try {
            PluginInstallOutcome outcome = service.installOrUpgrade(fileName, content);
            PluginSummary installed = outcome.plugin();
            String done = outcome.upgraded()
                    ? "Upgraded " + installed.id() + " from " + outcome.replacedVersion() + " to " + installed.version()
                    : "Installed " + installed.id() + " " + installed.version();
            ui.access(() -> {
                refresh();
                upload.clearFileList(); // one file at a time, but the next upload must not need a page reload
                uploadResult.removeAll();
                uploadResult.setClassName("upload-result success");
                uploadResult.add(new Span(done + " (" + installed.extensionsText() + "), SHA-256 "
                        + installed.sha256()));
                if (!installed.warnings().isEmpty()) {
                    UnorderedList warnings = new UnorderedList();
                    warnings.setId("upload-warnings");
                    installed.warnings().forEach(w -> warnings.add(new ListItem(w)));
                    uploadResult.add(warnings);
                }
                notify(done, NotificationVariant.LUMO_SUCCESS);
            });
        } catch (PluginUploadException e) {
            ui.access(() -> {
                upload.clearFileList();
                showError(e.getMessage(), e);
            });
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
        List<OrphanedResource> orphans = service.orphanedBy(plugin.id());
        Button confirm = new Button("Uninstall", click -> {
            try {
                service.uninstall(plugin.id(), !orphans.isEmpty());
                notify("Uninstalled " + plugin.id(), NotificationVariant.LUMO_SUCCESS);
            } catch (PluginOrphansException e) {
                notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            }
            dialog.close();
            refresh();
        });
        confirm.setId("confirm-uninstall");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        if (!orphans.isEmpty()) {
            dialog.add(new Paragraph(orphans.size() + " live resource" + (orphans.size() == 1 ? "" : "s")
                    + " of its providers would be left without a provider: nobody could stop, delete or meter "
                    + (orphans.size() == 1 ? "it" : "them") + " from the portal any more."));
            UnorderedList list = new UnorderedList();
            list.setId("orphaned-resources");
            orphans.forEach(r -> list.add(new ListItem(r.text())));
            dialog.add(list);
            Checkbox accept = new Checkbox("Leave these resources without a provider");
            accept.setId("confirm-orphans");
            confirm.setEnabled(false);
            accept.addValueChangeListener(e -> confirm.setEnabled(e.getValue()));
            dialog.add(accept);
        }
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("cancel-uninstall");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private static Span warnings(PluginSummary plugin) {
        Span text = new Span(String.join("; ", plugin.warnings()));
        text.getElement().setAttribute("data-warnings-for", plugin.id());
        text.getElement().setAttribute("title", String.join("\n", plugin.warnings()));
        return text;
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
