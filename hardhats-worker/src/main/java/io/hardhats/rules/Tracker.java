package io.hardhats.rules;

import io.hardhats.vision.BoundingBox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Gives workers identities across analysed frames, so that a violation is counted per worker and
 * not per frame.
 *
 * <p>Deliberately simple (cameras are analysed at 0.25–2 fps, scenes hold a handful of workers):
 * match each track's predicted box to this frame's boxes greedily by IoU (≥ {@code minIou}); what
 * stays unmatched is then matched greedily by centre distance, measured in box sizes, which catches
 * small, fast-moving or jittery boxes that no longer overlap. Unmatched workers start new tracks;
 * a track unseen for {@code maxMissed} consecutive frames is dropped. Not thread-safe.
 */
public final class Tracker {

    public static final float DEFAULT_MIN_IOU = 0.3f;
    /** Centre distance allowed, in multiples of the larger box side. */
    public static final float DEFAULT_MAX_CENTRE_DISTANCE = 1.0f;
    public static final int DEFAULT_MAX_MISSED = 3;

    private final float minIou;
    private final float maxCentreDistance;
    private final int maxMissed;
    private final List<Track> tracks = new ArrayList<>();
    private long nextId = 1;

    public Tracker() {
        this(DEFAULT_MIN_IOU, DEFAULT_MAX_CENTRE_DISTANCE, DEFAULT_MAX_MISSED);
    }

    public Tracker(float minIou, float maxCentreDistance, int maxMissed) {
        if (maxMissed < 1) {
            throw new IllegalArgumentException("maxMissed must be at least 1");
        }
        this.minIou = minIou;
        this.maxCentreDistance = maxCentreDistance;
        this.maxMissed = maxMissed;
    }

    /**
     * Advances one analysed frame.
     *
     * @return the track of each worker, in the order of {@code workers}
     */
    public List<Track> update(List<Worker> workers) {
        Track[] assigned = new Track[workers.size()];
        boolean[] trackUsed = new boolean[tracks.size()];
        List<BoundingBox> predicted = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            predicted.add(t.predicted());
        }

        List<Candidate> byIou = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            for (int w = 0; w < workers.size(); w++) {
                float iou = predicted.get(t).iou(workers.get(w).box());
                if (iou >= minIou) {
                    byIou.add(new Candidate(t, w, -iou));
                }
            }
        }
        assign(byIou, assigned, trackUsed, workers);

        List<Candidate> byDistance = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            if (trackUsed[t]) {
                continue;
            }
            for (int w = 0; w < workers.size(); w++) {
                if (assigned[w] != null) {
                    continue;
                }
                float d = relativeCentreDistance(predicted.get(t), workers.get(w).box());
                if (d <= maxCentreDistance) {
                    byDistance.add(new Candidate(t, w, d));
                }
            }
        }
        assign(byDistance, assigned, trackUsed, workers);

        List<Track> kept = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Track track = tracks.get(t);
            if (!trackUsed[t]) {
                track.miss();
                if (track.missed() >= maxMissed) {
                    continue;
                }
            }
            kept.add(track);
        }
        tracks.clear();
        tracks.addAll(kept);
        for (int w = 0; w < workers.size(); w++) {
            if (assigned[w] == null) {
                assigned[w] = new Track(nextId++, workers.get(w).box());
                tracks.add(assigned[w]);
            }
        }
        return List.of(assigned);
    }

    /** The live tracks, seen or recently missed. */
    public List<Track> tracks() {
        return Collections.unmodifiableList(tracks);
    }

    private void assign(List<Candidate> candidates, Track[] assigned, boolean[] trackUsed, List<Worker> workers) {
        // Best first; ties broken by index so the outcome never depends on sort stability.
        candidates.sort(Comparator.comparingDouble(Candidate::cost)
                .thenComparingInt(Candidate::track).thenComparingInt(Candidate::worker));
        for (Candidate c : candidates) {
            if (!trackUsed[c.track] && assigned[c.worker] == null) {
                trackUsed[c.track] = true;
                Track track = tracks.get(c.track);
                track.seen(workers.get(c.worker).box());
                assigned[c.worker] = track;
            }
        }
    }

    /** Centre distance divided by the larger side of the two boxes (so it is scale-free). */
    static float relativeCentreDistance(BoundingBox a, BoundingBox b) {
        float size = Math.max(Math.max(a.width(), a.height()), Math.max(b.width(), b.height()));
        if (size <= 0) {
            return Float.POSITIVE_INFINITY;
        }
        float dx = Track.centreX(a) - Track.centreX(b);
        float dy = Track.centreY(a) - Track.centreY(b);
        return (float) Math.hypot(dx, dy) / size;
    }

    private record Candidate(int track, int worker, float cost) {
    }
}
