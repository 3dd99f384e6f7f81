/**
 * The Burnrate engine: plain Java, no Spring, Vaadin or jOOQ. Sub-packages by feature: {@code usage} (FOCUS on
 * Arrow), {@code kernel} (compute backends), {@code simulation}, {@code policy}.
 */
package dev.burnrate.engine;
