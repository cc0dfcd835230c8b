package common;

/** Nearest-rank percentiles of ascending arrays; an empty array answers 0. */
public final class Percentiles {

    private Percentiles() {
    }

    public static double of(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[rank(sorted.length, p)];
    }

    public static long of(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[rank(sorted.length, p)];
    }

    public static double max(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    public static long max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private static int rank(int length, double p) {
        int i = (int) Math.ceil(p / 100.0 * length) - 1;
        return Math.max(0, Math.min(length - 1, i));
    }
}
