package dev.burnrate.portal.user;

/** A team: the unit data, budgets and resources are scoped to. */
public record Team(long id, String name, String description) {
}
