package io.hardhats.rules;

import io.hardhats.events.ViolationType;
import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One camera's violation rules: detections in, the few events worth raising out.
 *
 * <p>A detector is noisy and a camera sees the same worker frame after frame, so three brakes keep
 * events from being frame spam:
 * <ol>
 * <li><b>Inertia</b>: a condition must hold for {@link RuleSettings#inertia()} consecutive analysed
 * frames on the same track (one stray box is not a violation).</li>
 * <li><b>Once per track</b>: a worker who fired a type never fires it again while their track
 * lives (standing there bare-headed for ten minutes is one event).</li>
 * <li><b>Cooldown</b>: after an event of a type, the camera raises no other event of that type,
 * even for another worker, until {@link RuleSettings#cooldown()} has passed (a lost and re-found
 * track, or a crowd, does not become a burst). Types are independent.</li>
 * </ol>
 * A worker held back by the cooldown has not fired, so they fire once it expires if the condition
 * still holds. Rules: {@code no_hardhat} from a {@code no_helmet} head, {@code no_vest} from a
 * {@code no_vest} torso (both in {@code ppe} and {@code ppe+zone} modes), {@code zone_breach} when
 * the worker's foot point (bottom-centre) is inside the zone (in {@code zone} and {@code ppe+zone}
 * modes, with a polygon).
 *
 * <p>Stateful and not thread-safe: one instance per camera, fed frames in order. Time comes only
 * from the {@code at} argument.
 */
public final class ViolationRules {

    private final WorkerAssembler assembler = new WorkerAssembler();
    private final Tracker tracker;
    private final Map<ViolationType, Instant> lastFired = new EnumMap<>(ViolationType.class);
    private RuleSettings settings;

    public ViolationRules(RuleSettings settings) {
        this(settings, new Tracker());
    }

    public ViolationRules(RuleSettings settings, Tracker tracker) {
        this.settings = requireSettings(settings);
        this.tracker = tracker;
    }

    public RuleSettings settings() {
        return settings;
    }

    /** Applies edited camera settings; tracks, streaks and cooldowns carry on. */
    public void settings(RuleSettings changed) {
        this.settings = requireSettings(changed);
    }

    /**
     * Evaluates one analysed frame.
     *
     * @param detections this frame's detections, boxes in source-frame pixels, already thresholded
     * @param at         when the frame was taken; frames must come in order
     * @return the violations to raise as events (usually none)
     */
    public List<Violation> evaluate(List<Detection> detections, int frameWidth, int frameHeight, Instant at) {
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive");
        }
        if (at == null) {
            throw new IllegalArgumentException("frame time: missing");
        }
        List<Worker> workers = assembler.assemble(clipped(detections, frameWidth, frameHeight));
        List<Track> tracks = tracker.update(workers);

        List<Due> due = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            Track track = tracks.get(i);
            for (ViolationType type : ViolationType.values()) {
                float confidence = evidence(type, worker, frameWidth, frameHeight);
                int streak = track.observe(type, confidence >= 0);
                if (streak >= settings.inertia() && !track.hasFired(type)) {
                    due.add(new Due(type, track, worker, confidence));
                }
            }
        }
        // Within a frame the surest evidence goes first: it is the one the cooldown lets through.
        due.sort(Comparator.comparing(Due::type)
                .thenComparing(Comparator.comparingDouble(Due::confidence).reversed())
                .thenComparingLong(d -> d.track.id()));

        List<Violation> out = new ArrayList<>();
        for (Due d : due) {
            Instant last = lastFired.get(d.type);
            if (last != null && at.isBefore(last.plus(settings.cooldown()))) {
                continue;
            }
            lastFired.put(d.type, at);
            d.track.markFired(d.type);
            BoundingBox box = d.worker.box();
            out.add(new Violation(d.type, SeverityPolicy.of(d.type, d.confidence), d.confidence, d.track.id(),
                    box, Violation.normalise(box, frameWidth, frameHeight)));
        }
        return out;
    }

    /**
     * The confidence of the evidence that {@code worker} shows violation {@code type} in this frame,
     * or -1 when it does not (or the rule is off for this camera).
     */
    private float evidence(ViolationType type, Worker worker, int frameWidth, int frameHeight) {
        // Exhaustive on purpose: a new type does not compile until it has a rule here.
        return switch (type) {
            case NO_HARDHAT -> settings.ppeEnabled() ? bareHeadEvidence(worker) : -1;
            case NO_VEST -> settings.ppeEnabled() && worker.withoutVest() ? worker.torso().confidence() : -1;
            case ZONE_BREACH -> settings.zoneEnabled() && settings.zone().containsFoot(worker, frameWidth, frameHeight)
                    ? worker.confidence() : -1;
        };
    }

    private float bareHeadEvidence(Worker worker) {
        if (worker.bareHeaded()) {
            return worker.head().confidence();
        }
        if (settings.inferBareHeads() && worker.person() != null && worker.head() == null) {
            return worker.person().confidence();
        }
        return -1;
    }

    /** Boxes cut to the frame (models spill over the border); boxes with nothing left are dropped. */
    private static List<Detection> clipped(List<Detection> detections, int w, int h) {
        List<Detection> out = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            BoundingBox box = d.box().clip(w, h);
            if (box.area() > 0) {
                out.add(box.equals(d.box()) ? d : new Detection(d.productClass(), d.modelClass(), d.confidence(), box));
            }
        }
        return out;
    }

    private static RuleSettings requireSettings(RuleSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("rule settings: missing");
        }
        return settings;
    }

    private record Due(ViolationType type, Track track, Worker worker, float confidence) {
    }
}
