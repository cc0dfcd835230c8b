package common;

import java.nio.ByteBuffer;
import java.util.List;

/** A server-sent-events body split into lines (without their line ends), each handed over with its arrival time. */
public final class SseLines extends HttpStream {

    /** Receives each line and {@link System#nanoTime()} when its buffer arrived. */
    public interface Listener {
        void line(CharSequence line, long arrivedNanos);
    }

    private final Listener listener;
    private final StringBuilder line = new StringBuilder();

    public SseLines(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        long now = System.nanoTime();
        for (ByteBuffer b : item) {
            while (b.hasRemaining()) {
                char c = (char) (b.get() & 0xff);
                if (c == '\n') {
                    listener.line(line, now);
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }
    }
}
