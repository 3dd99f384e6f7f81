package dev.burnrate.portal.plugin;

import java.util.List;

/**
 * The cheapest on-demand price per accelerator-hour, per accelerator and provider: one series per provider with a
 * value per accelerator ({@code null} where the provider does not offer it).
 */
public record AcceleratorPriceComparison(List<String> accelerators, List<Series> series) {

    public record Series(String providerName, List<Double> cheapestPerAcceleratorHour) {
    }
}
