package dev.burnrate.portal.anomaly;

/** What people said about an anomaly. EXPECTED and FALSE_ALARM are feedback: they silence the same cause later. */
public enum AnomalyStatus {
    NEW("New"),
    ACKNOWLEDGED("Acknowledged"),
    EXPECTED("Expected / planned"),
    FALSE_ALARM("False alarm");

    private final String label;

    AnomalyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this status is a verdict that should stop repeat alerts for the same cause. */
    public boolean isFeedback() {
        return this == EXPECTED || this == FALSE_ALARM;
    }
}
