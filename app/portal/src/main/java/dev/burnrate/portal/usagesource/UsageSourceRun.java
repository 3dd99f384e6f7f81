package dev.burnrate.portal.usagesource;

import java.time.Instant;

/** One finished run of a usage source, as the run history shows it. */
public record UsageSourceRun(long id, String sourceId, Trigger trigger, Instant startedAt, Instant finishedAt,
                             Status status, long rowsRead, String versionKey, String message, String runBy) {

    /** What started the run. */
    public enum Trigger { SCHEDULE, MANUAL }

    /** How the run ended; only IMPORTED stored anything. */
    public enum Status {
        /** A new version of the dataset holds the rows. */
        IMPORTED,
        /** The source had nothing new. */
        NOTHING_NEW,
        /** The rows equal the dataset's newest version; nothing new was stored. */
        DUPLICATE,
        /** Validation refused the rows; nothing was stored. */
        REJECTED,
        /** The source or the import failed; nothing was stored. */
        FAILED;

        /** Whether the source may forget the batch: it is stored, or storing it again would change nothing. */
        boolean delivered() {
            return this == IMPORTED || this == NOTHING_NEW || this == DUPLICATE;
        }
    }
}
