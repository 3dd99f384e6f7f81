package dev.burnrate.portal.usage.api;

import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.Deviation;
import dev.burnrate.engine.usage.validation.ValidationIssue;
import dev.burnrate.engine.usage.validation.ValidationReport;
import dev.burnrate.engine.usage.validation.WarningSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * An import's validation report as the API answers it: what was read and accepted, every listed error with its row,
 * column and field path, the warnings per rule and column, and the version made (or the identical one found).
 *
 * @param status    CREATED (a new version), DUPLICATE (the same content is stored already) or REJECTED
 * @param versionId the new or identical version, null when rejected
 * @param errors    the fatal problem first (if any), then the first errors; {@code errorCount} counts all of them
 */
@Schema(name = "ImportReport")
public record ImportReportJson(String dataset, String status, String versionId, String mode, String focusVersion,
                               long rowsRead, long rowsAccepted, long rowsQuarantined, long errorCount,
                               long warningCount, String rejectionReason, List<Issue> errors, List<Warning> warnings,
                               List<Conformance> conformance) {

    /**
     * One problem.
     *
     * @param row   1-based data row (0 for file-level problems)
     * @param line  1-based line of the file where the row starts (0 when unknown)
     * @param field where it is as a path: {@code rows[12].BilledCost}, {@code rows[12]}, {@code header.Id} (a column
     *              of the header) or {@code file}
     */
    public record Issue(long row, long line, String column, String field, String value, String rule, String severity,
                        String message) {

        static Issue of(ValidationIssue i) {
            String field;
            if (i.row() > 0) {
                field = "rows[" + i.row() + "]" + (i.column() == null ? "" : "." + i.column());
            } else {
                field = i.column() == null ? "file" : "header." + i.column();
            }
            return new Issue(i.row(), i.line(), i.column(), field, i.value(), i.rule().id(), i.severity().name(),
                    i.describe());
        }
    }

    public record Warning(String rule, String column, long count, Issue first) {
        static Warning of(WarningSummary w) {
            return new Warning(w.rule().id(), w.column(), w.count(), w.first() == null ? null : Issue.of(w.first()));
        }
    }

    /** One FOCUS rule broken in one column, counted, with a few example rows. */
    public record Conformance(String rule, String column, String severity, long count, List<Issue> examples) {
        static Conformance of(Deviation d) {
            return new Conformance(d.rule().id(), d.column(), d.severity().name(), d.count(),
                    d.examples().stream().map(Issue::of).toList());
        }
    }

    static ImportReportJson of(String dataset, ImportResult result) {
        ValidationReport r = result.report();
        List<Issue> errors = new ArrayList<>();
        r.fatal().ifPresent(f -> errors.add(Issue.of(f)));
        r.errors().forEach(e -> errors.add(Issue.of(e)));
        return new ImportReportJson(dataset, result.status().name(),
                result.version().map(VersionManifest::versionId).orElse(null), r.mode().name(), r.focusVersion(),
                r.rowsRead(), r.rowsAccepted(), r.rowsQuarantined(), r.errorCount(), r.warningCount(),
                r.rejected() ? r.rejectionReason() : null, errors, r.warnings().stream().map(Warning::of).toList(),
                r.deviations().stream().map(Conformance::of).toList());
    }
}
