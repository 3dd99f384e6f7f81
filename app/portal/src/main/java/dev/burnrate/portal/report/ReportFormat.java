package dev.burnrate.portal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The export formats of a {@link ReportDocument}. */
public enum ReportFormat {

    CSV("csv", ReportCsv.MEDIA_TYPE),
    XLSX("xlsx", ReportXlsx.MEDIA_TYPE),
    PDF("pdf", ReportPdf.MEDIA_TYPE);

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public void write(ReportDocument document, OutputStream out) throws IOException {
        switch (this) {
            case CSV -> ReportCsv.write(document, out);
            case XLSX -> ReportXlsx.write(document, out);
            case PDF -> ReportPdf.write(document, out);
        }
    }

    public byte[] toBytes(ReportDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The download's file name: {@code burnrate-} and the name in lower case with anything but letters, digits, dots
     * and hyphens turned into hyphens, e.g. "Review 2026-11 signed" as XLSX is burnrate-review-2026-11-signed.xlsx.
     */
    public String fileName(String name) {
        // Accents are dropped rather than replaced, so "Zürich" becomes "zurich".
        String plain = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9.-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (slug.startsWith("burnrate-")) {
            slug = slug.substring("burnrate-".length());
        }
        return "burnrate" + (slug.isEmpty() ? "" : "-" + slug) + "." + extension;
    }
}
