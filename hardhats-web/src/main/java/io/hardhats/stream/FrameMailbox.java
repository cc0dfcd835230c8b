package io.hardhats.stream;

import java.util.concurrent.TimeUnit;

/**
 * One viewer's next frame. Holds only the newest: a viewer slower than the camera skips frames
 * instead of queueing them, so it neither grows memory nor slows the other viewers.
 */
final class FrameMailbox {

    /** Returned by {@link #take} once the mailbox is closed (the server is stopping). */
    static final byte[] CLOSED = new byte[0];

    private byte[] pending;
    private boolean closed;
    private long dropped;

    synchronized void offer(byte[] jpeg) {
        if (pending != null) {
            dropped++;
        }
        pending = jpeg;
        notifyAll();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** The next frame, null when none arrived within the timeout, or {@link #CLOSED}. */
    synchronized byte[] take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (pending == null) {
            if (closed) {
                return CLOSED;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        byte[] frame = pending;
        pending = null;
        return frame;
    }

    synchronized long dropped() {
        return dropped;
    }
}
