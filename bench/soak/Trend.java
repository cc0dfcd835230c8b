package soak;

import java.util.List;
import java.util.Locale;

/** Least-squares slope of samples over time, with first, last and largest value: a leak shows as a steady slope. */
record Trend(int samples, double first, double last, double max, double perHour) {

    static Trend of(List<Double> seconds, List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Trend(0, 0, 0, 0, 0);
        }
        double mt = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double mv = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double cov = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            cov += (seconds.get(i) - mt) * (values.get(i) - mv);
            var += (seconds.get(i) - mt) * (seconds.get(i) - mt);
        }
        double slope = var == 0 ? 0 : cov / var;
        return new Trend(n, values.get(0), values.get(n - 1),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0), slope * 3600);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"first\":%.1f,\"last\":%.1f,\"max\":%.1f,\"slope_per_hour\":%.2f}",
                first, last, max, perHour);
    }
}
