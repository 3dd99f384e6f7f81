package dev.burnrate.portal.usage;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.burnrate.engine.usage.ingest.ImportProgress;

import java.text.NumberFormat;
import java.util.Locale;

/** The progress of a running import: a bar (determinate where the source can tell), the phase and rows/s. */
class ImportProgressPanel extends VerticalLayout {

    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span label = new Span();

    ImportProgressPanel() {
        setId("import-progress");
        setPadding(false);
        setSpacing(false);
        bar.setId("import-progress-bar");
        label.setId("import-progress-label");
        add(bar, label);
        setVisible(false);
    }

    void start(String fileName) {
        bar.setIndeterminate(false);
        bar.setValue(0);
        label.setText("Importing " + fileName + " …");
        setVisible(true);
    }

    void show(ImportProgress.Phase phase, long rows, double fraction, long rowsPerSecond) {
        bar.setIndeterminate(fraction < 0);
        if (fraction >= 0) {
            bar.setValue(Math.min(1.0, fraction));
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        label.setText(describe(phase) + (fraction >= 0 ? " · " + Math.round(fraction * 100) + " %" : "")
                + " · " + n.format(rows) + " rows · " + n.format(rowsPerSecond) + " rows/s");
    }

    void finish() {
        setVisible(false);
    }

    private static String describe(ImportProgress.Phase phase) {
        return switch (phase) {
            case HASHING -> "Hashing the file";
            case READING -> "Validating and converting to Arrow";
            case WRITING -> "Writing the version";
            case DONE -> "Recording the version";
        };
    }
}
