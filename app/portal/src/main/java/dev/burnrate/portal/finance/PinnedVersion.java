package dev.burnrate.portal.finance;

/** One dataset's version as a finance figure read it; versions never change, so the figure can be recomputed. */
public record PinnedVersion(String dataset, String versionKey, String teamTagKey) {
}
