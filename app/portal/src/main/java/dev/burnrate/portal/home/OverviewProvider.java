package dev.burnrate.portal.home;

import java.util.List;

/**
 * A feature's figures for the overview page. Called for the logged-in user, so team scoping applies; a provider
 * that fails is shown as unavailable instead of breaking the page.
 */
public interface OverviewProvider {

    /** Position on the page; the system figures are 0. */
    int order();

    List<OverviewFigure> figures();
}
