package io.hardhats.ingest;

import java.time.Duration;
import java.util.OptionalLong;

import io.hardhats.cameras.AnalysisRate;

/**
 * Measures a stream's keyframe interval from its first GOP (the time between the first two key
 * frames) and decides whether to decode keyframes only: yes when the analysis interval is at
 * least the keyframe interval (every analysis slot then has a keyframe; 5 % slack absorbs
 * timestamp jitter, so a 2 s GOP analysed at 0.5 fps decodes keyframes only), else decode and drop.
 */
public final class KeyframePolicy {

    private final long analysisIntervalMicros;
    private long firstKeyMicros = Long.MIN_VALUE;
    private long firstFrameMicros = Long.MIN_VALUE;
    private long keyframeIntervalMicros = -1;
    private Boolean decision;

    public KeyframePolicy(double targetFps) {
        this.analysisIntervalMicros = analysisIntervalMicros(targetFps);
    }

    static long analysisIntervalMicros(double targetFps) {
        double fps = Double.isFinite(targetFps) && targetFps > 0 ? targetFps : AnalysisRate.FPS.byDefault();
        return Math.round(1_000_000d / fps);
    }

    /** The rule itself. */
    public static boolean keyframesOnly(Duration analysisInterval, Duration keyframeInterval) {
        return keyframesOnly(analysisInterval.toNanos() / 1000, keyframeInterval.toNanos() / 1000);
    }

    static boolean keyframesOnly(long analysisIntervalMicros, long keyframeIntervalMicros) {
        return keyframeIntervalMicros > 0 && keyframeIntervalMicros * 100 <= analysisIntervalMicros * 105;
    }

    /**
     * Feeds one decoded frame (decode-all mode). Returns true once the decision is known.
     * When no second keyframe came within one analysis interval, the GOP is at least that long,
     * so decoding keyframes only would analyse too rarely: decode all.
     */
    public boolean observe(long timestampMicros, boolean keyFrame) {
        if (decision != null) {
            return true;
        }
        if (firstFrameMicros == Long.MIN_VALUE) {
            firstFrameMicros = timestampMicros;
        }
        if (keyFrame) {
            if (firstKeyMicros == Long.MIN_VALUE) {
                firstKeyMicros = timestampMicros;
            } else if (timestampMicros > firstKeyMicros) {
                keyframeIntervalMicros = timestampMicros - firstKeyMicros;
                decision = keyframesOnly(analysisIntervalMicros, keyframeIntervalMicros);
                return true;
            }
        }
        long since = timestampMicros - (firstKeyMicros == Long.MIN_VALUE ? firstFrameMicros : firstKeyMicros);
        if (since * 100 > analysisIntervalMicros * 105) {
            decision = false;
            return true;
        }
        return false;
    }

    public boolean decided() {
        return decision != null;
    }

    /** True to decode keyframes only; false (decode and drop) until decided. */
    public boolean decodeKeyframesOnly() {
        return decision != null && decision;
    }

    /** The measured keyframe interval, when two keyframes were seen. */
    public OptionalLong keyframeIntervalMicros() {
        return keyframeIntervalMicros > 0 ? OptionalLong.of(keyframeIntervalMicros) : OptionalLong.empty();
    }

    public long analysisIntervalMicros() {
        return analysisIntervalMicros;
    }
}
