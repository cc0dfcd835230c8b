package common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MJPEG (multipart) body split into parts by their Content-Length; hands each part's first
 * bytes to a listener and never stores a frame.
 */
public final class MjpegParts extends HttpStream {

    /** Receives each complete part: the start of its body as Latin-1 text, enough for the capture-time comment. */
    public interface Listener {
        void part(CharSequence head);
    }

    private static final int HEAD = 64;
    private static final Pattern LENGTH = Pattern.compile("(?i)Content-Length:\\s*(\\d+)");
    private static final Pattern CAPTURED = Pattern.compile("hardhats-captured-at=(\\d+)");

    private final Listener listener;
    private final AtomicLong bytes = new AtomicLong();
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder head = new StringBuilder();
    private long bodyLeft = -1;

    public MjpegParts(Listener listener) {
        this.listener = listener;
    }

    /** Bytes received so far, part headers included. */
    public long bytes() {
        return bytes.get();
    }

    /**
     * The capture time the worker writes into a live JPEG's comment ({@code hardhats-captured-at=<epoch ms>}),
     * or -1 when {@code head} has none (the "no signal" picture).
     */
    public static long capturedAt(CharSequence head) {
        Matcher m = CAPTURED.matcher(head);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The same for a whole JPEG (a snapshot). */
    public static long capturedAt(byte[] jpeg) {
        return capturedAt(new String(jpeg, 0, Math.min(HEAD, jpeg.length), StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer b : item) {
            bytes.addAndGet(b.remaining());
            while (b.hasRemaining()) {
                if (bodyLeft > 0) {
                    int n = (int) Math.min(bodyLeft, b.remaining());
                    for (int k = 0; k < n && head.length() < HEAD; k++) {
                        head.append((char) (b.get(b.position() + k) & 0xff));
                    }
                    b.position(b.position() + n);
                    bodyLeft -= n;
                    if (bodyLeft == 0) {
                        partDone();
                    }
                } else {
                    char c = (char) (b.get() & 0xff);
                    header.append(c);
                    if (c == '\n' && header.length() >= 4 && header.lastIndexOf("\r\n\r\n") == header.length() - 4) {
                        Matcher m = LENGTH.matcher(header);
                        if (m.find()) {
                            bodyLeft = Long.parseLong(m.group(1));
                            if (bodyLeft == 0) {
                                partDone();
                            }
                        }
                        header.setLength(0);
                    } else if (header.length() > 4096) {
                        header.setLength(0);
                    }
                }
            }
        }
    }

    private void partDone() {
        bodyLeft = -1;
        listener.part(head);
        head.setLength(0);
    }
}
