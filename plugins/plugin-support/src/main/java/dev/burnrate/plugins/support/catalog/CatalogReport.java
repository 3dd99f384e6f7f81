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

    /** A file of a catalog built from several: its rows' lines are numbered from {@code offset + 1} on. */
    private record Segment(String file, int offset) {
    }

    private final String source;
    private final List<Segment> segments = new ArrayList<>();
    private int nextOffset;
    private int rowsRead;
    private final List<Note> notes = new ArrayList<>();

    public CatalogReport(String source) {
        this.source = source;
    }

    /**
     * Starts a file of a catalog built from several, {@code lines} long. Returns the offset to add to its line
     * numbers, so that rows of different files keep distinct lines and each note names the file and line it is from.
     */
    public synchronized int addFile(String file, int lines) {
        int offset = nextOffset;
        segments.add(new Segment(file, offset));
        nextOffset += lines;
        return offset;
    }

    private String location(int line) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment segment = segments.get(i);
            if (line > segment.offset()) {
                return segment.file() + ":" + (line - segment.offset());
            }
        }
        return source + ":" + line;
    }

    public synchronized void rowsRead(int count) {
        rowsRead += count;
    }

    public synchronized void note(int line, String kind, String message) {
        notes.add(new Note(location(line), kind, message));
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
        return source + ": " + rowsRead + " rows read; " + countsByKind();
    }
}
