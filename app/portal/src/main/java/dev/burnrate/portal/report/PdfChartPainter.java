package dev.burnrate.portal.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a {@link ReportChart} as vector graphics: a value axis with round ticks and grid lines, the zero line,
 * grouped bars or lines per series, category labels (thinned out when they would overlap) and a legend.
 */
final class PdfChartPainter {

    static final float HEIGHT = 240f;
    private static final float TITLE_SIZE = 11f;
    private static final float LABEL_SIZE = 7f;
    private static final int GRID = 0xDDDDDD;
    private static final int AXIS = 0x555555;
    private static final float MAX_LABEL = 90f;
    private static final float SIN45 = (float) Math.sin(Math.PI / 4);

    private final PdfCanvas canvas;

    PdfChartPainter(PdfCanvas canvas) {
        this.canvas = canvas;
    }

    /** Draws the chart below the cursor, on a new page if it does not fit, and moves the cursor past it. */
    void draw(ReportChart chart) throws IOException {
        canvas.ensure(HEIGHT);
        float top = canvas.y;
        float left = PdfCanvas.left();
        float width = PdfCanvas.width();
        canvas.text(canvas.fonts.bold, TITLE_SIZE, left, top - TITLE_SIZE, chart.title());
        float legendHeight = legend(chart, left, top - HEIGHT + 4, width);
        float plotTop = top - TITLE_SIZE - 14;
        double[] range = range(chart);
        double step = niceStep((range[1] - range[0]) / 5);
        double lo = Math.floor(range[0] / step) * step;
        double hi = Math.ceil(range[1] / step) * step;
        if (hi <= lo) {
            hi = lo + step;
        }
        float axisWidth = 0;
        for (double tick = lo; tick <= hi + step / 2; tick += step) {
            axisWidth = Math.max(axisWidth, canvas.textWidth(canvas.fonts.regular, LABEL_SIZE, ReportCells.compact(tick)));
        }
        float plotLeft = left + axisWidth + 6;
        float plotWidth = left + width - plotLeft;
        int n = chart.categories().size();
        float slot = plotWidth / Math.max(1, n);
        float widest = 0;
        for (String category : chart.categories()) {
            widest = Math.max(widest, Math.min(MAX_LABEL, canvas.textWidth(canvas.fonts.regular, LABEL_SIZE, category)));
        }
        // Every bar needs its name: slanted when they do not fit side by side. A line over days is thinned out instead.
        boolean slanted = chart.kind() == ReportChart.Kind.BAR && widest + 4 > slot;
        float labelHeight = slanted ? widest * SIN45 + LABEL_SIZE : LABEL_SIZE + 3;
        float plotBottom = top - HEIGHT + legendHeight + 4 + labelHeight + 7;
        Scale scale = new Scale(lo, hi, plotBottom, plotTop);
        for (double tick = lo; tick <= hi + step / 2; tick += step) {
            float ty = scale.y(tick);
            canvas.line(GRID, 0.5f, plotLeft, ty, plotLeft + plotWidth, ty);
            canvas.textRight(canvas.fonts.regular, LABEL_SIZE, plotLeft - 3, ty - LABEL_SIZE / 3, ReportCells.compact(tick));
        }
        if (n > 0) {
            if (chart.kind() == ReportChart.Kind.BAR) {
                bars(chart, scale, plotLeft, slot);
            } else {
                lines(chart, scale, plotLeft, slot);
            }
            if (slanted) {
                slantedLabels(chart.categories(), plotLeft, slot, plotBottom - 3);
            } else {
                categoryLabels(chart.categories(), plotLeft, slot, plotBottom - LABEL_SIZE - 3, widest);
            }
        }
        canvas.line(AXIS, 0.8f, plotLeft, scale.y(0), plotLeft + plotWidth, scale.y(0));
        canvas.line(AXIS, 0.8f, plotLeft, plotBottom, plotLeft, plotTop);
        canvas.y = top - HEIGHT - 12;
    }

    private void bars(ReportChart chart, Scale scale, float plotLeft, float slot) throws IOException {
        int count = Math.max(1, chart.series().size());
        float group = slot * 0.8f;
        float bar = group / count;
        float zero = scale.y(0);
        for (int i = 0; i < chart.categories().size(); i++) {
            float x = plotLeft + slot * i + (slot - group) / 2;
            for (int s = 0; s < chart.series().size(); s++) {
                BigDecimal value = chart.series().get(s).values().get(i);
                if (value != null) {
                    float vy = scale.y(value.doubleValue());
                    canvas.fillRect(ReportPalette.rgb(s), x + bar * s, Math.min(zero, vy), bar, Math.abs(vy - zero));
                }
            }
        }
    }

    private void lines(ReportChart chart, Scale scale, float plotLeft, float slot) throws IOException {
        PDPageContentStream s = canvas.stream();
        boolean markers = slot >= 6;
        for (int k = 0; k < chart.series().size(); k++) {
            List<BigDecimal> values = chart.series().get(k).values();
            PdfCanvas.color(s, ReportPalette.rgb(k), true);
            PdfCanvas.color(s, ReportPalette.rgb(k), false);
            s.setLineWidth(1.5f);
            boolean penDown = false;
            boolean drawn = false;
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    penDown = false; // a gap in the data is a gap in the line
                    continue;
                }
                float x = plotLeft + slot * (i + 0.5f);
                float vy = scale.y(values.get(i).doubleValue());
                if (penDown) {
                    s.lineTo(x, vy);
                } else {
                    s.moveTo(x, vy);
                    penDown = true;
                }
                drawn = true;
            }
            if (!drawn) {
                continue;
            }
            s.stroke();
            if (markers) {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        s.addRect(plotLeft + slot * (i + 0.5f) - 1.5f, scale.y(values.get(i).doubleValue()) - 1.5f,
                                3, 3);
                    }
                }
                s.fill();
            }
        }
        s.setStrokingColor(0f, 0f, 0f);
        s.setNonStrokingColor(0f, 0f, 0f);
    }

    private void categoryLabels(List<String> categories, float plotLeft, float slot, float baseline, float widest)
            throws IOException {
        int every = Math.max(1, (int) Math.ceil((widest + 4) / slot));
        float room = slot * every - 4;
        for (int i = 0; i < categories.size(); i += every) {
            String label = fit(categories.get(i), room);
            canvas.textCentered(canvas.fonts.regular, LABEL_SIZE, plotLeft + slot * (i + 0.5f), baseline, label);
        }
    }

    /** Labels at 45 degrees, each ending under its group of bars. */
    private void slantedLabels(List<String> categories, float plotLeft, float slot, float top) throws IOException {
        for (int i = 0; i < categories.size(); i++) {
            String label = fit(categories.get(i), MAX_LABEL);
            float w = canvas.textWidth(canvas.fonts.regular, LABEL_SIZE, label);
            float endX = plotLeft + slot * (i + 0.5f) + LABEL_SIZE * SIN45 / 2;
            canvas.textRotated(canvas.fonts.regular, LABEL_SIZE, endX - w * SIN45, top - w * SIN45 - LABEL_SIZE * SIN45,
                    Math.PI / 4, label);
        }
    }

    /** Draws the legend in rows from {@code bottom} upwards; returns its height. */
    private float legend(ReportChart chart, float left, float bottom, float width) throws IOException {
        float x = left;
        int rows = 1;
        float[][] positions = new float[chart.series().size()][];
        for (int s = 0; s < chart.series().size(); s++) {
            float w = 12 + canvas.textWidth(canvas.fonts.regular, LABEL_SIZE + 1, chart.series().get(s).name()) + 14;
            if (x + w > left + width && x > left) {
                x = left;
                rows++;
            }
            positions[s] = new float[] {x, rows};
            x += w;
        }
        float rowHeight = LABEL_SIZE + 6;
        for (int s = 0; s < positions.length; s++) {
            float rowY = bottom + (rows - positions[s][1]) * rowHeight;
            canvas.fillRect(ReportPalette.rgb(s), positions[s][0], rowY, 8, 8);
            canvas.text(canvas.fonts.regular, LABEL_SIZE + 1, positions[s][0] + 12, rowY + 1, chart.series().get(s).name());
        }
        return rows * rowHeight;
    }

    private String fit(String label, float room) {
        if (canvas.textWidth(canvas.fonts.regular, LABEL_SIZE, label) <= room) {
            return label;
        }
        String cut = label;
        while (cut.length() > 1 && canvas.textWidth(canvas.fonts.regular, LABEL_SIZE, cut + "…") > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static double[] range(ReportChart chart) {
        double min = 0;
        double max = 0;
        for (ReportChart.Series series : chart.series()) {
            for (BigDecimal value : series.values()) {
                if (value != null) {
                    min = Math.min(min, value.doubleValue());
                    max = Math.max(max, value.doubleValue());
                }
            }
        }
        return max > min ? new double[] {min, max} : new double[] {min, min + 1};
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private record Scale(double lo, double hi, float bottom, float top) {

        float y(double value) {
            return (float) (bottom + (value - lo) / (hi - lo) * (top - bottom));
        }
    }
}
