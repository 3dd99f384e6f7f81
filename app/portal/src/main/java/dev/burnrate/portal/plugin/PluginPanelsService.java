package dev.burnrate.portal.plugin;

import dev.burnrate.api.UiContribution;
import dev.burnrate.api.UiPanel;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The declarative panels plugins contribute ({@link UiContribution}), per plugin, for the portal's plugin pages.
 * Panels are public facts of the plugin (its contract says so), readable by every signed-in user; a settings link
 * is shown to administrators only, who alone can open the settings. A contribution that throws or hangs (the
 * plugin guard stops it) yields a message instead of panels.
 */
@Service
public class PluginPanelsService {

    /** A plugin with panels, for links to its page. */
    public record PanelSource(String pluginId, String title) {
    }

    /**
     * What one plugin's page shows.
     *
     * @param problems messages for contributions that failed to answer
     */
    public record PanelPage(String pluginId, String title, List<UiPanel> panels, List<String> problems) {
    }

    private final PluginHost host;
    private final CurrentUser currentUser;

    public PluginPanelsService(PluginHost host, CurrentUser currentUser) {
        this.host = host;
        this.currentUser = currentUser;
    }

    /** Plugins that contribute panels, by title. */
    @PermitAll
    public List<PanelSource> sources() {
        List<PanelSource> sources = new ArrayList<>();
        for (PluginExtension<UiContribution> e : host.extensions(UiContribution.class)) {
            if (sources.stream().noneMatch(s -> s.pluginId().equals(e.pluginId()))) {
                sources.add(new PanelSource(e.pluginId(), title(e)));
            }
        }
        return sources;
    }

    /** The page of a plugin, or empty when no running plugin of that id contributes panels. */
    @PermitAll
    public Optional<PanelPage> page(String pluginId) {
        List<PluginExtension<UiContribution>> mine = host.extensions(UiContribution.class).stream()
                .filter(e -> e.pluginId().equals(pluginId)).toList();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        boolean admin = currentUser.hasRole(Role.ADMIN);
        List<UiPanel> panels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PluginExtension<UiContribution> e : mine) {
            try {
                List<UiPanel> answered = e.extension().panels();
                for (UiPanel panel : answered == null ? List.<UiPanel>of() : answered) {
                    if (admin || !(panel instanceof UiPanel.SettingsLink)) {
                        panels.add(panel);
                    }
                }
            } catch (RuntimeException failure) {
                problems.add(title(e) + " did not answer: " + failure.getMessage());
            }
        }
        return Optional.of(new PanelPage(pluginId, title(mine.getFirst()), List.copyOf(panels),
                List.copyOf(problems)));
    }

    private static String title(PluginExtension<UiContribution> e) {
        try {
            return e.extension().displayName();
        } catch (RuntimeException failure) {
            return e.pluginId();
        }
    }
}
