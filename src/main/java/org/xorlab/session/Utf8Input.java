package org.xorlab.session;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a file that must be UTF-8 text of at most a given size, checked as the parser reads them: a byte
 * that is not UTF-8 (a Latin-1 "é", say), a NUL byte (a binary file, or UTF-16) or a byte past the limit stops the
 * reading with a {@link RefusedInput} naming the line. The bytes before a bad one are passed on first, so a JSON
 * error earlier in the file is still reported as such.
 *
 * <p>Checks the well-formed sequences of RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
final class Utf8Input extends FilterInputStream {
    private final long limit;
    private final String tooLarge;
    /** Bytes passed on so far. */
    private long count;
    /** The line the next byte is on. */
    private long line = 1;
    /** Continuation bytes the current character still needs. */
    private int needed;
    /** The range the next continuation byte must be in (narrower than 0x80..0xBF right after some lead bytes). */
    private int low = 0x80;
    private int high = 0xBF;
    /** The first byte of the character being read. */
    private int lead;
    /** Found in a chunk whose good bytes were passed on first; thrown at the next read. */
    private RefusedInput pending;

    /**
     * @param limit    the most bytes to read
     * @param tooLarge the message when there are more: what the limit is and why
     */
    Utf8Input(InputStream in, long limit, String tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        // Never ask for more than one byte past the limit: a huge file is refused without reading it all.
        int n = in.read(b, off, (int) Math.min(len, limit - count + 1));
        if (n < 0 && needed > 0) {
            pending = new RefusedInput("it ends in the middle of a UTF-8 character on line " + line
                    + ": it is cut short, or not UTF-8 text");
            throw pending;
        }
        if (n <= 0) {
            return n;
        }
        for (int i = off; i < off + n; i++) {
            String problem = check(b[i] & 0xFF);
            if (problem != null) {
                pending = new RefusedInput(problem);
                int good = i - off;
                count += good;
                if (good == 0) {
                    throw pending;
                }
                return good;
            }
        }
        count += n;
        if (count > limit) {
            pending = new RefusedInput(tooLarge);
            throw pending;
        }
        return n;
    }

    /** Checks the next byte; a message if it cannot be there. */
    private String check(int c) {
        if (needed > 0) {
            if (c < low || c > high) {
                return notUtf8(lead);
            }
            needed--;
            low = 0x80;
            high = 0xBF;
            return null;
        }
        if (c == 0) {
            return "it is not a text file: line " + line + " holds a NUL byte (a JSON file is UTF-8 text)";
        }
        if (c < 0x80) {
            if (c == '\n') {
                line++;
            }
            return null;
        }
        lead = c;
        if (c >= 0xC2 && c <= 0xDF) {
            needed = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            needed = 2;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            needed = 3;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return notUtf8(c);
        }
        return null;
    }

    /** The message for a character that is not UTF-8, starting with byte {@code c}. */
    private String notUtf8(int c) {
        return String.format(java.util.Locale.ROOT, "it is not UTF-8 text: line %d has a byte 0x%02X that UTF-8 does"
                + " not allow there (save the file as UTF-8)", line, c);
    }

    @Override
    public long skip(long n) throws IOException {
        // Through read, so skipped bytes are checked and counted too.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
