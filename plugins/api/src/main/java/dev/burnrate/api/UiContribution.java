package dev.burnrate.api;

import java.util.List;

/**
 * Panels a plugin adds to the portal's pages without any UI code (since API 1.3.0): tables and charts of the
 * plugin's own data, a link to its settings, links to outside pages. The portal renders them in its own style on
 * the plugin's page ({@code /plugins/<plugin id>}, linked from the catalog) for every signed-in user, so
 * panels must hold only what every user may see: no secrets, no other team's data.
 * <p>
 * {@link #panels()} is called each time the page opens; keep it quick. A panel list that throws or times out is
 * shown as a message on the page, never as a broken page.
 */
public interface UiContribution extends BurnrateExtension {

    /** The panels, in the order to show them; ids unique within this contribution. */
    List<UiPanel> panels();
}
