package io.hardhats.rules;

import io.hardhats.events.ViolationType;
import io.hardhats.vision.BoundingBox;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One worker's identity across analysed frames, with what the rules need to remember about them:
 * how many consecutive frames each violation has held, and which ones already fired.
 * Mutable, owned by one {@link Tracker}; not thread-safe (one camera is analysed on one thread).
 */
public final class Track {

    private final long id;
    private BoundingBox box;
    /** Smoothed per-frame motion of the box centre, used to predict where the worker is next. */
    private float vx;
    private float vy;
    private int missed;
    private int age;
    private final Map<ViolationType, Integer> streaks = new EnumMap<>(ViolationType.class);
    private final Set<ViolationType> fired = EnumSet.noneOf(ViolationType.class);

    Track(long id, BoundingBox box) {
        this.id = id;
        this.box = box;
        this.age = 1;
    }

    public long id() {
        return id;
    }

    /** The box where the worker was last seen, in pixels. */
    public BoundingBox box() {
        return box;
    }

    /** Analysed frames since the worker was last seen (0 when seen in the latest frame). */
    public int missed() {
        return missed;
    }

    /** Frames in which the worker was seen. */
    public int age() {
        return age;
    }

    /** Where the worker is expected in the next frame: the last box moved on by its velocity. */
    BoundingBox predicted() {
        float steps = missed + 1;
        float dx = vx * steps;
        float dy = vy * steps;
        return new BoundingBox(box.x1() + dx, box.y1() + dy, box.x2() + dx, box.y2() + dy);
    }

    void seen(BoundingBox next) {
        float steps = missed + 1;
        float dx = (centreX(next) - centreX(box)) / steps;
        float dy = (centreY(next) - centreY(box)) / steps;
        // Half old, half new: follows a walking worker, but one jittery box barely moves it.
        vx = (vx + dx) / 2;
        vy = (vy + dy) / 2;
        box = next;
        missed = 0;
        age++;
    }

    /**
     * Not seen in this frame. An unseen worker did not show the violation in this frame, so the
     * streaks restart: inertia means consecutive frames in which the condition was observed.
     */
    void miss() {
        missed++;
        streaks.clear();
    }

    /** Records whether a condition held in this frame; returns the consecutive-frame count. */
    public int observe(ViolationType type, boolean holds) {
        if (!holds) {
            streaks.remove(type);
            return 0;
        }
        return streaks.merge(type, 1, Integer::sum);
    }

    public int streak(ViolationType type) {
        return streaks.getOrDefault(type, 0);
    }

    public boolean hasFired(ViolationType type) {
        return fired.contains(type);
    }

    void markFired(ViolationType type) {
        fired.add(type);
    }

    static float centreX(BoundingBox b) {
        return (b.x1() + b.x2()) / 2;
    }

    static float centreY(BoundingBox b) {
        return (b.y1() + b.y2()) / 2;
    }

    @Override
    public String toString() {
        return "Track[" + id + ", " + box + ", missed=" + missed + "]";
    }
}
