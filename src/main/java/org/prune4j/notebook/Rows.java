package org.prune4j.notebook;

/**
 * Which rows of a long table are shown: all of them up to a limit, otherwise the first and the last few with a
 * gap marker between, so a 60,000-row table does not flood a notebook.
 *
 * @param total rows in the table
 * @param head  rows shown from the top
 * @param tail  rows shown from the bottom (0 when everything fits)
 */
record Rows(int total, int head, int tail) {
    static final int LIMIT = 40;
    static final int HEAD = 20;
    static final int TAIL = 5;

    static Rows of(int total) {
        return total <= LIMIT ? new Rows(total, total, 0) : new Rows(total, HEAD, TAIL);
    }

    boolean cut() {
        return head + tail < total;
    }

    /** @return the row indices to show, in order; a cut goes between {@code head - 1} and {@code total - tail} */
    int[] indices() {
        int[] out = new int[head + tail];
        for (int i = 0; i < head; i++) {
            out[i] = i;
        }
        for (int i = 0; i < tail; i++) {
            out[head + i] = total - tail + i;
        }
        return out;
    }
}
