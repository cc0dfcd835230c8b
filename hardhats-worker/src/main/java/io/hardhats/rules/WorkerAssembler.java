package io.hardhats.rules;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups one frame's detections into {@link Worker}s.
 *
 * <p>With a {@code person} class, each person box is a worker and the head and torso boxes inside
 * it are attached to it. Without one (the usual PPE model), a head is paired with the torso just
 * below it. Parts that fit nobody become workers on their own, so a lone {@code no_helmet} still
 * counts: missing a violation is worse than a worker box that is only a head.
 */
public final class WorkerAssembler {

    /** How far (in torso widths, each side) a head's centre may sit outside the torso's x-range. */
    static final float TORSO_WIDEN = 0.25f;
    /** How far (in head heights) the torso's top may be from the head's bottom, above or below. */
    static final float MAX_NECK_GAP = 1.5f;

    public List<Worker> assemble(List<Detection> detections) {
        List<Detection> persons = new ArrayList<>();
        List<Detection> heads = new ArrayList<>();
        List<Detection> torsos = new ArrayList<>();
        for (Detection d : detections) {
            switch (d.productClass()) {
                case PERSON -> persons.add(d);
                case HELMET, NO_HELMET -> heads.add(d);
                case VEST, NO_VEST -> torsos.add(d);
            }
        }

        List<Worker> workers = new ArrayList<>();
        if (!persons.isEmpty()) {
            Detection[] personHead = attach(persons, heads, true);
            Detection[] personTorso = attach(persons, torsos, false);
            for (int i = 0; i < persons.size(); i++) {
                workers.add(new Worker(persons.get(i).box(), persons.get(i), personHead[i], personTorso[i]));
            }
        }
        pairHeadsWithTorsos(heads, torsos, workers);
        return workers;
    }

    /**
     * Attaches parts to persons, at most one part per person, greedily by how well the part fits.
     * Attached parts are removed from {@code parts}.
     */
    private static Detection[] attach(List<Detection> persons, List<Detection> parts, boolean heads) {
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < persons.size(); p++) {
            BoundingBox pb = persons.get(p).box();
            for (int q = 0; q < parts.size(); q++) {
                BoundingBox b = parts.get(q).box();
                float cx = (b.x1() + b.x2()) / 2;
                float cy = (b.y1() + b.y2()) / 2;
                if (cx < pb.x1() || cx > pb.x2() || cy < pb.y1() || cy > pb.y2()) {
                    continue;
                }
                float score = insideFraction(b, pb);
                if (heads && pb.height() > 0) {
                    // Heads belong at the top of a person; prefer the person whose top it is.
                    score += 1 - (cy - pb.y1()) / pb.height();
                }
                pairs.add(new Pair(p, q, -score));
            }
        }
        boolean[] used = new boolean[parts.size()];
        Detection[] attached = assignGreedily(pairs, persons.size(), parts, used);
        List<Detection> left = new ArrayList<>();
        for (int q = 0; q < parts.size(); q++) {
            if (!used[q]) {
                left.add(parts.get(q));
            }
        }
        parts.clear();
        parts.addAll(left);
        return attached;
    }

    /** Pairs each head with the torso below it; whatever stays unpaired is a worker by itself. */
    private static void pairHeadsWithTorsos(List<Detection> heads, List<Detection> torsos, List<Worker> out) {
        List<Pair> pairs = new ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            for (int t = 0; t < torsos.size(); t++) {
                float cost = neckCost(heads.get(h).box(), torsos.get(t).box());
                if (!Float.isNaN(cost)) {
                    pairs.add(new Pair(h, t, cost));
                }
            }
        }
        boolean[] torsoUsed = new boolean[torsos.size()];
        Detection[] headTorso = assignGreedily(pairs, heads.size(), torsos, torsoUsed);
        for (int h = 0; h < heads.size(); h++) {
            out.add(Worker.ofParts(heads.get(h), headTorso[h]));
        }
        for (int t = 0; t < torsos.size(); t++) {
            if (!torsoUsed[t]) {
                out.add(Worker.ofParts(null, torsos.get(t)));
            }
        }
    }

    /**
     * How badly a head and a torso fit one body (lower is better), or NaN when they cannot: the
     * head's centre must lie over the torso (its x-range widened a little, since heads lean and
     * boxes jitter), above the torso's centre, and the torso must start within
     * {@link #MAX_NECK_GAP} head heights of the head's bottom.
     */
    static float neckCost(BoundingBox head, BoundingBox torso) {
        float hx = (head.x1() + head.x2()) / 2;
        float hy = (head.y1() + head.y2()) / 2;
        float tw = torso.width();
        float hh = Math.max(1, head.height());
        if (tw <= 0 || hx < torso.x1() - TORSO_WIDEN * tw || hx > torso.x2() + TORSO_WIDEN * tw) {
            return Float.NaN;
        }
        if (hy >= (torso.y1() + torso.y2()) / 2) {
            return Float.NaN;
        }
        float gap = Math.abs(torso.y1() - head.y2()) / hh;
        if (gap > MAX_NECK_GAP) {
            return Float.NaN;
        }
        float offset = Math.abs(hx - (torso.x1() + torso.x2()) / 2) / tw;
        return offset + gap;
    }

    /** The share of {@code part}'s area that lies inside {@code whole}. */
    private static float insideFraction(BoundingBox part, BoundingBox whole) {
        float iw = Math.min(part.x2(), whole.x2()) - Math.max(part.x1(), whole.x1());
        float ih = Math.min(part.y2(), whole.y2()) - Math.max(part.y1(), whole.y1());
        if (iw <= 0 || ih <= 0 || part.area() <= 0) {
            return 0;
        }
        return iw * ih / part.area();
    }

    /**
     * Gives each of {@code count} items at most one of {@code candidates}, cheapest pairs first;
     * marks in {@code taken} the candidates given away.
     */
    private static Detection[] assignGreedily(List<Pair> pairs, int count, List<Detection> candidates,
            boolean[] taken) {
        pairs.sort(Comparator.comparingDouble(Pair::cost).thenComparingInt(Pair::a).thenComparingInt(Pair::b));
        Detection[] assigned = new Detection[count];
        for (Pair pair : pairs) {
            if (assigned[pair.a] == null && !taken[pair.b]) {
                assigned[pair.a] = candidates.get(pair.b);
                taken[pair.b] = true;
            }
        }
        return assigned;
    }

    /** A candidate pairing of item {@code a} with item {@code b}; cheaper pairs are taken first. */
    private record Pair(int a, int b, float cost) {
    }
}
