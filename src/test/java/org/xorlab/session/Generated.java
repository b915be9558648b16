package org.xorlab.session;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A file's bytes made on the fly, however many: a beginning, an item repeated, an end. Nothing touches the disk. */
final class Generated extends InputStream {
    private final byte[] head;
    private final byte[] item;
    private final byte[] tail;
    private final long total;
    private long position;

    private Generated(String head, String item, long count, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.item = item.getBytes(StandardCharsets.UTF_8);
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.total = this.head.length + count * this.item.length + this.tail.length;
    }

    /** {@code head}, then {@code count} copies of {@code item}, then {@code tail}, as UTF-8. */
    static Generated of(String head, String item, long count, String tail) {
        return new Generated(head, item, count, tail);
    }

    @Override
    public int read() {
        if (position >= total) {
            return -1;
        }
        return byteAt(position++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= total) {
            return -1;
        }
        int n = (int) Math.min(len, total - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = byteAt(position++);
        }
        return n;
    }

    private byte byteAt(long at) {
        if (at < head.length) {
            return head[(int) at];
        }
        long inItems = at - head.length;
        long items = total - head.length - tail.length;
        if (inItems < items) {
            return item[(int) (inItems % item.length)];
        }
        return tail[(int) (inItems - items)];
    }
}
