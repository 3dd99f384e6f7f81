package dev.burnrate.portal.home;

/**
 * One figure on the overview page.
 *
 * @param area   the group it belongs to, e.g. "System", "Plugins", "Usage"
 * @param label  what it measures
 * @param value  the figure, formatted
 * @param detail a short explanation, or null
 * @param route  the view to open for more, or null
 */
public record OverviewFigure(String area, String label, String value, String detail, String route) {
}
