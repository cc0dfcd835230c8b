package io.hardhats.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header, resolved against the size of what is served.
 * Only a single range is honoured: a header the server does not understand (several ranges,
 * another unit, a malformed one) is ignored and the whole content is sent, as HTTP allows.
 *
 * @param start  first byte
 * @param length bytes from {@code start}
 */
public record ByteRange(long start, long length) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** A range that starts past the end: the answer is 416 with the size. */
    public static final class Unsatisfiable extends RuntimeException {
        private final long size;

        Unsatisfiable(long size) {
            super("the range starts past the end of the " + size + " bytes");
            this.size = size;
        }

        public long size() {
            return size;
        }
    }

    /** The range the header asks for within {@code size} bytes, or empty to send everything. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) { // the last N bytes
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                throw new Unsatisfiable(size);
            }
            long start = Math.max(0, size - suffix);
            return Optional.of(new ByteRange(start, size - start));
        }
        long start = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < start) {
            return Optional.empty();
        }
        if (start >= size) {
            throw new Unsatisfiable(size);
        }
        return Optional.of(new ByteRange(start, Math.min(last, size - 1) - start + 1));
    }

    /** The {@code Content-Range} value of this range. */
    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }
}
