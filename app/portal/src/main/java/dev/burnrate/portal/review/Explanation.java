package dev.burnrate.portal.review;

import java.time.Instant;

/** One version of a line's explanation; every version is kept. */
public record Explanation(long id, String lineKey, int version, String author, String text, Instant writtenAt) {
}
