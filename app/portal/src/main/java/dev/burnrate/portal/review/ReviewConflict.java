package dev.burnrate.portal.review;

/** Someone else changed the review first (e.g. another finance user signed it); nothing was saved. */
public class ReviewConflict extends IllegalStateException {

    public ReviewConflict(String message) {
        super(message);
    }
}
