package io.hardhats.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A camera's forbidden zone: a polygon in normalised frame coordinates (x right, y down, 0–1), so
 * it survives a change of resolution.
 *
 * <p>Choices, each made so that the rule errs on the side of safety without inventing zones:
 * <ul>
 * <li>A point on an edge or a vertex is <em>inside</em>: a worker standing on the line has
 * reached the zone, and a zone drawn along the frame border (y = 1) must catch feet there.</li>
 * <li>Fewer than three points, or all points on one line (zero area), contains nothing: such a
 * "zone" is a drawing mistake, not a region.</li>
 * <li>Concave and self-touching polygons work; self-crossing ones follow the even–odd rule
 * (the usual reading of a ray-casting test, and what a browser's canvas fill shows by default).</li>
 * </ul>
 */
public final class ZonePolygon {

    /** Tolerance for "on the edge", in normalised units (far below a pixel at any resolution). */
    private static final double EPS = 1e-9;

    private final double[] xs;
    private final double[] ys;
    private final boolean degenerate;

    private ZonePolygon(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
        this.degenerate = xs.length < 3 || collinear(xs, ys);
    }

    /**
     * A polygon from the API's {@code zone_polygon}: a list of {@code [x, y]} pairs, each 0–1.
     *
     * @throws IllegalArgumentException for a point that is not a pair of finite numbers in 0–1
     */
    public static ZonePolygon of(List<? extends List<? extends Number>> points) {
        if (points == null) {
            throw new IllegalArgumentException("zone polygon: missing");
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            List<? extends Number> p = points.get(i);
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
                throw new IllegalArgumentException("zone polygon: point " + i + " is not an [x, y] pair");
            }
            xs[i] = check(p.get(0).doubleValue(), i);
            ys[i] = check(p.get(1).doubleValue(), i);
        }
        return new ZonePolygon(xs, ys);
    }

    /** Convenience for tests and code: {@code of(x0, y0, x1, y1, ...)}. */
    public static ZonePolygon of(double... xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("zone polygon: odd number of coordinates");
        }
        List<List<Double>> points = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            points.add(List.of(xy[i], xy[i + 1]));
        }
        return of(points);
    }

    private static double check(double v, int i) {
        if (!Double.isFinite(v) || v < 0 || v > 1) {
            throw new IllegalArgumentException("zone polygon: point " + i + " is outside 0–1");
        }
        return v;
    }

    /** True when the polygon cannot contain anything (too few points or no area). */
    public boolean isDegenerate() {
        return degenerate;
    }

    /** The points, as {@code [x, y]} lists (for drawing the zone on annotated frames). */
    public List<List<Double>> points() {
        List<List<Double>> out = new ArrayList<>(xs.length);
        for (int i = 0; i < xs.length; i++) {
            out.add(List.of(xs[i], ys[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether a normalised point is inside the zone (edges and vertices included). */
    public boolean contains(double x, double y) {
        if (degenerate || !Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if (onSegment(x, y, xs[j], ys[j], xs[i], ys[i])) {
                return true;
            }
        }
        // Ray casting to +x with the half-open rule (an edge counts when one end is strictly above
        // the ray and the other on or below it): a ray through a vertex is counted once, and
        // horizontal edges never, which is what keeps concave and self-touching shapes right.
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)) {
                double xCross = xs[j] + (y - ys[j]) * (xs[i] - xs[j]) / (ys[i] - ys[j]);
                if (x < xCross) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /**
     * Whether a pixel-space worker's foot point (bottom-centre of its box) is inside the zone;
     * the point is normalised by the frame size and clamped to it, since boxes may spill over the
     * border.
     */
    public boolean containsFoot(Worker worker, int frameWidth, int frameHeight) {
        if (frameWidth <= 0 || frameHeight <= 0) {
            return false;
        }
        double x = clamp01(worker.footX() / (double) frameWidth);
        double y = clamp01(worker.footY() / (double) frameHeight);
        return contains(x, y);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static boolean onSegment(double px, double py, double ax, double ay, double bx, double by) {
        double cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        double length = Math.hypot(bx - ax, by - ay);
        if (Math.abs(cross) > EPS * Math.max(1, length)) {
            return false;
        }
        return px >= Math.min(ax, bx) - EPS && px <= Math.max(ax, bx) + EPS
                && py >= Math.min(ay, by) - EPS && py <= Math.max(ay, by) + EPS;
    }

    /**
     * True when all points lie on one line (or coincide): no area at all. A self-crossing "bowtie"
     * has zero signed area but two real lobes, so the test is collinearity, not the shoelace sum.
     */
    private static boolean collinear(double[] xs, double[] ys) {
        int a = -1;
        for (int i = 1; i < xs.length; i++) {
            if (Math.hypot(xs[i] - xs[0], ys[i] - ys[0]) > EPS) {
                a = i;
                break;
            }
        }
        if (a < 0) {
            return true;
        }
        double dx = xs[a] - xs[0];
        double dy = ys[a] - ys[0];
        double length = Math.hypot(dx, dy);
        for (int i = 1; i < xs.length; i++) {
            double cross = dx * (ys[i] - ys[0]) - dy * (xs[i] - xs[0]);
            if (Math.abs(cross) / length > EPS) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ZonePolygon" + points();
    }
}
