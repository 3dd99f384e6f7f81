package dev.burnrate.portal.report;

/** The series colours of the exported charts, the same in the PDF and the XLSX (distinguishable in greyscale too). */
final class ReportPalette {

    private static final int[] RGB = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF};

    private ReportPalette() {
    }

    /** The colour of the series at this index, as 0xRRGGBB. */
    static int rgb(int seriesIndex) {
        return RGB[Math.floorMod(seriesIndex, RGB.length)];
    }

    static byte[] bytes(int seriesIndex) {
        int rgb = rgb(seriesIndex);
        return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }
}
