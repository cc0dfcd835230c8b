package io.hardhats.ingest;

/**
 * Timing for one camera: which frames are due for analysis at the target rate (by presentation
 * time, on a fixed grid so the average rate is exact), and real-time pacing for files, which
 * would otherwise be read as fast as they decode.
 */
public final class FramePacer {

    /** Sleeps for pacing; tests may replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalMicros;
    private final long toleranceMicros;
    private final Sleeper sleeper;
    private long nextDueMicros = Long.MIN_VALUE;
    private long lastPts = Long.MIN_VALUE;
    private long ptsOffset;
    private long baseWallNanos;
    private long basePts = Long.MIN_VALUE;

    public FramePacer(double targetFps) {
        this(targetFps, nanos -> {
            long millis = nanos / 1_000_000;
            Thread.sleep(millis, (int) (nanos % 1_000_000));
        });
    }

    public FramePacer(double targetFps, Sleeper sleeper) {
        this.intervalMicros = KeyframePolicy.analysisIntervalMicros(targetFps);
        this.toleranceMicros = intervalMicros / 20;
        this.sleeper = sleeper;
    }

    /**
     * Maps a frame's timestamp onto a continuous timeline: a jump backwards (a looped file, a
     * reconnect) continues from the previous frame instead of going back in time.
     */
    public long continuous(long ptsMicros) {
        long t = ptsMicros + ptsOffset;
        if (lastPts != Long.MIN_VALUE && (t < lastPts || t > lastPts + 10_000_000L)) {
            ptsOffset += lastPts + 40_000 - t;
            t = lastPts + 40_000;
        }
        lastPts = t;
        return t;
    }

    /** True when the frame at this (continuous) time is due for analysis. */
    public boolean due(long tMicros) {
        if (nextDueMicros == Long.MIN_VALUE || tMicros > nextDueMicros + intervalMicros) {
            nextDueMicros = tMicros + intervalMicros; // first frame, or a gap: restart the grid
            return true;
        }
        if (tMicros >= nextDueMicros - toleranceMicros) {
            nextDueMicros += intervalMicros;
            return true;
        }
        return false;
    }

    /** Real-time pacing: waits until this (continuous) time has come on the wall clock. */
    public void pace(long tMicros) throws InterruptedException {
        long now = System.nanoTime();
        if (basePts == Long.MIN_VALUE) {
            basePts = tMicros;
            baseWallNanos = now;
            return;
        }
        long wait = baseWallNanos + (tMicros - basePts) * 1000 - now;
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        } else if (wait < -2_000_000_000L) {
            basePts = tMicros; // fell far behind (slow machine): do not burst to catch up
            baseWallNanos = now;
        }
    }

    /** Starts real-time pacing afresh (a new connection or file). */
    public void restartClock() {
        basePts = Long.MIN_VALUE;
    }

    public long intervalMicros() {
        return intervalMicros;
    }
}
