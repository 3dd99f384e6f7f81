package dev.burnrate.portal.review;

/** OPEN: figures are computed live. SIGNED: locked; the figures are the snapshot taken at sign-off. */
public enum ReviewState {
    OPEN,
    SIGNED
}
