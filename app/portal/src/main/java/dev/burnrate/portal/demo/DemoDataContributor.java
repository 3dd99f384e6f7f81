package dev.burnrate.portal.demo;

/**
 * A feature's demo data, loaded once at start-up in demo mode (after Flyway migrations and the first admin check),
 * in ascending {@link #order()}. Implementations must be idempotent: the portal restarts on the same database.
 * They run as the {@code system} actor with ADMIN rights.
 */
public interface DemoDataContributor {

    /** Users and teams are 0; plugins 100; usage data 200; simulations 300; policies and provisioning 400. */
    int order();

    /** A short name for the start-up log. */
    String name();

    void load();
}
