package dev.burnrate.engine.usage.ingest;

import java.util.Arrays;

/**
 * Assigns dense ids to distinct strings, looked up straight from a parser's character buffer so that a row costs
 * no String allocation: a String is made once per distinct value. Open addressing over an arena of characters.
 */
public final class StringDictionary {

    private final int maxSize;
    private char[] arena = new char[1 << 12];
    private int arenaUsed;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private String[] values = new String[64];
    private int size;
    private int[] table = newTable(128);

    public StringDictionary(int maxSize) {
        this.maxSize = maxSize;
    }

    private static int[] newTable(int capacity) {
        int[] t = new int[capacity];
        Arrays.fill(t, -1);
        return t;
    }

    public int size() {
        return size;
    }

    public String value(int id) {
        String v = values[id];
        if (v == null) {
            v = new String(arena, starts[id], lengths[id]);
            values[id] = v;
        }
        return v;
    }

    /** All values in id order. */
    public String[] values() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = value(i);
        }
        return out;
    }

    public int idOf(String s) {
        char[] chars = s.toCharArray();
        return idOf(chars, 0, chars.length);
    }

    /**
     * The id of the value in {@code buf[off, off+len)}, adding it when new.
     *
     * @throws DictionaryFullException when a new value would exceed the limit
     */
    public int idOf(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            int id = table[slot];
            if (id < 0) {
                return add(buf, off, len, h, slot);
            }
            if (hashes[id] == h && lengths[id] == len
                    && Arrays.equals(arena, starts[id], starts[id] + len, buf, off, off + len)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of the value, or -1 when absent; never adds. */
    public int find(String s) {
        char[] buf = s.toCharArray();
        int h = hash(buf, 0, buf.length);
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && lengths[id] == buf.length
                    && Arrays.equals(arena, starts[id], starts[id] + buf.length, buf, 0, buf.length)) {
                return id;
            }
        }
    }

    private int add(char[] buf, int off, int len, int h, int slot) {
        if (size >= maxSize) {
            throw new DictionaryFullException(maxSize);
        }
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        }
        System.arraycopy(buf, off, arena, arenaUsed, len);
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
            hashes = Arrays.copyOf(hashes, n);
            values = Arrays.copyOf(values, n);
        }
        int id = size++;
        starts[id] = arenaUsed;
        lengths[id] = len;
        hashes[id] = h;
        arenaUsed += len;
        table[slot] = id;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] t = newTable(table.length * 2);
        int mask = t.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (t[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = id;
        }
        table = t;
    }

    private static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return h ^ (h >>> 16);
    }

    /** Thrown when a dimension has more distinct values than allowed. */
    public static final class DictionaryFullException extends RuntimeException {
        public DictionaryFullException(int max) {
            super("more than " + max + " distinct values");
        }
    }
}
