package dev.burnrate.portal.usage.api;

/** An upload the import rejected: nothing was stored; the report says what and where. */
final class ImportRejected extends RuntimeException {

    private final transient ImportReportJson report;

    ImportRejected(ImportReportJson report) {
        super("The import into " + report.dataset() + " was rejected and nothing was stored: "
                + report.rejectionReason());
        this.report = report;
    }

    ImportReportJson report() {
        return report;
    }
}
