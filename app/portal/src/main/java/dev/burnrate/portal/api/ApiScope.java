package dev.burnrate.portal.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may be used for. A scope gates endpoints; the token owner's roles and teams still gate the data
 * behind them, exactly as in the UI. Granted to a token's authentication as {@code SCOPE_<name>} authorities.
 */
public enum ApiScope {
    /** Read catalog, usage, budgets, reviews, forecasts, anomalies, requests and resources. */
    READ,
    /** Estimates, simulations and policy dry runs: compute, store nothing. */
    ESTIMATE,
    /** Create, cancel and stop provisioning requests and resources. */
    PROVISION,
    /** Upload billing data. */
    IMPORT,
    /** Administration (service accounts, users, plugins); only ever granted to ADMIN users' tokens. */
    ADMIN;

    /** The granted-authority name, e.g. {@code SCOPE_read}. */
    public String authority() {
        return "SCOPE_" + id();
    }

    /** The lower-case name used in token lists, JSON and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiScope fromId(String id) {
        for (ApiScope scope : values()) {
            if (scope.id().equalsIgnoreCase(id.strip())) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Unknown scope '" + id + "': use one of "
                + Arrays.stream(values()).map(ApiScope::id).collect(Collectors.joining(", ")));
    }

    /** Parses the stored form, a comma-separated list. */
    public static Set<ApiScope> parse(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String part : stored.split(",")) {
            if (!part.isBlank()) {
                scopes.add(fromId(part));
            }
        }
        return scopes;
    }

    /** The stored form: ids in declaration order, comma-separated. */
    public static String format(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::id).collect(Collectors.joining(","));
    }
}
