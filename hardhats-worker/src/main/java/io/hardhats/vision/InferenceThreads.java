package io.hardhats.vision;

/**
 * How the detector uses the cores: how many inferences run at once, and how many threads each
 * one may use. A worker serving many cameras wants {@link #perCore}: one single-threaded
 * inference per core, because splitting one small frame over several threads costs
 * synchronisation that several frames side by side do not (measured: 68 vs 59 frames/s at
 * 640×384 on 2 cores, docs/benchmarks.md). A latency benchmark of one frame wants the reverse.
 *
 * @param concurrent inferences that may run at once; further callers wait their turn
 * @param intraOp    ONNX Runtime intra-op threads of one inference
 */
public record InferenceThreads(int concurrent, int intraOp) {

    public InferenceThreads {
        if (concurrent < 1 || intraOp < 1) {
            throw new IllegalArgumentException("Inference threads must be at least 1, got " + concurrent + " x " + intraOp);
        }
    }

    /** One single-threaded inference per core: the most frames per second from {@code cores}. */
    public static InferenceThreads perCore(int cores) {
        return new InferenceThreads(Math.max(1, cores), 1);
    }

    /** One inference at a time on {@code threads} threads: the lowest latency of one frame. */
    public static InferenceThreads singleFrame(int threads) {
        return new InferenceThreads(1, Math.max(1, threads));
    }
}
