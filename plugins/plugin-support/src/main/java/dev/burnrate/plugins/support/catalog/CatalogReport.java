package dev.burnrate.plugins.support.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to the rows of a catalog while it became offerings: duplicates dropped, placeholders removed, rows
 * skipped and why. Plugins log it at start so an operator can see which prices were left out.
 */
public final class CatalogReport {
    /** One noted row. */
    public record Note(String location, String kind, String message) {
        @Override
        public String toString() {
            return location + ": " + kind + ": " + message;
        }
    }

    private final String name;
    private String source;
    private int rowsRead;
    private final List<Note> notes = new ArrayList<>();

    public CatalogReport(String source) {
        this.name = source;
        this.source = source;
    }

    /** Notes from now on name {@code file}: a catalog built from several files says which one a line is in. */
    public synchronized void reading(String file) {
        this.source = file;
    }

    public synchronized void rowsRead(int count) {
        rowsRead += count;
    }

    public synchronized void note(int line, String kind, String message) {
        notes.add(new Note(source + ":" + line, kind, message));
    }

    public synchronized List<Note> notes() {
        return Collections.unmodifiableList(new ArrayList<>(notes));
    }

    /** How many rows got each kind of note, e.g. {@code duplicate=12, placeholder-price=40}. */
    public synchronized Map<String, Integer> countsByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        notes.forEach(note -> counts.merge(note.kind(), 1, Integer::sum));
        return counts;
    }

    public synchronized int count(String kind) {
        return countsByKind().getOrDefault(kind, 0);
    }

    public synchronized String summary() {
        return name + ": " + rowsRead + " rows read; " + countsByKind();
    }
}
