package dev.burnrate.portal.provisioning;

import com.vaadin.flow.component.html.Span;

/** A coloured badge for a decision outcome or request state. */
public final class OutcomeBadge {

    private OutcomeBadge() {
    }

    public static Span of(String value) {
        // UNKNOWN alone would alarm: say what the portal is doing about it
        Span badge = new Span(value == null ? "" : "UNKNOWN".equals(value) ? "WAITING FOR PROVIDER"
                : value.replace('_', ' '));
        String theme = switch (value == null ? "" : value) {
            case "ALLOW", "APPROVED", "PROVISIONED", "RUNNING", "DELIVERED", "ENABLED" -> "badge success";
            case "DENY", "DENIED", "REJECTED", "FAILED", "DELETED", "DISABLED" -> "badge error";
            case "WARN", "REQUIRE_APPROVAL", "PENDING_APPROVAL", "PROVISIONING", "UNKNOWN", "STOPPED" ->
                    "badge warning";
            default -> "badge";
        };
        badge.getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        badge.getElement().setAttribute("data-value", value == null ? "" : value);
        return badge;
    }
}
