package dev.burnrate.portal.budget.plan;

/** An edit of a budget that someone else changed (or deleted) since the editor was opened; nothing was saved. */
public class StalePlanException extends RuntimeException {

    public StalePlanException(String message) {
        super(message);
    }
}
