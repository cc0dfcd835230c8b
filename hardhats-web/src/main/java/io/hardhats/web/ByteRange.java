package io.hardhats.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpRange;

/**
 * One byte range of an HTTP {@code Range} header, resolved against the size of what is served;
 * Spring's {@link HttpRange} reads the header. Only a single range is honoured: a header the server
 * does not serve (several ranges, another unit, a malformed one) is ignored and the whole content
 * is sent, as HTTP allows. The range is handed to the store, which reads only those bytes.
 *
 * @param start  first byte
 * @param length bytes from {@code start}
 */
public record ByteRange(long start, long length) {

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
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header);
        } catch (IllegalArgumentException ignored) {
            return Optional.empty();
        }
        if (ranges.size() != 1) {
            return Optional.empty();
        }
        HttpRange range = ranges.get(0);
        long start = range.getRangeStart(size);
        if (start >= size) { // also "bytes=-0", the last none of the bytes
            throw new Unsatisfiable(size);
        }
        return Optional.of(new ByteRange(start, range.getRangeEnd(size) - start + 1));
    }

    /** The {@code Content-Range} value of this range. */
    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }
}
