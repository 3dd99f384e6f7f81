package dev.burnrate.engine.usage.validation;

import java.util.List;
import java.util.Optional;

/**
 * What an import found: the fatal problem if the file could not be read, the errors (the first
 * {@code maxReported} in detail, all of them counted), and the warnings summarised per rule and column.
 *
 * @param rowsRead        data rows read from the source
 * @param rowsAccepted    rows that became part of the version
 * @param rowsQuarantined rows set aside in lenient mode
 * @param errorCount      all errors, including those not listed
 * @param focusVersion    the FOCUS version the file declares or resembles ("" when the header was not read)
 * @param deviations      the conformance report: every rule broken, per column, counted with a few examples
 */
public record ValidationReport(ValidationMode mode, long rowsRead, long rowsAccepted, long rowsQuarantined,
                               Optional<ValidationIssue> fatal, List<ValidationIssue> errors, long errorCount,
                               List<WarningSummary> warnings, String focusVersion, List<Deviation> deviations) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        deviations = List.copyOf(deviations);
    }

    /** True when the file is rejected: a fatal problem, or any error in strict mode. */
    public boolean rejected() {
        return fatal.isPresent() || (mode == ValidationMode.STRICT && errorCount > 0);
    }

    /** A one-line reason for a rejection, naming the first problem; empty when accepted. */
    public String rejectionReason() {
        if (fatal.isPresent()) {
            return fatal.get().describe();
        }
        if (rejected()) {
            return errorCount + " conformance error(s) in strict mode; first: " + errors.getFirst().describe();
        }
        return "";
    }

    public long warningCount() {
        return warnings.stream().mapToLong(WarningSummary::count).sum();
    }
}
