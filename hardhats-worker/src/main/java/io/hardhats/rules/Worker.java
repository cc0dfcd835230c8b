package io.hardhats.rules;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;

/**
 * One person in one frame, as far as the detector lets us see them.
 *
 * <p>PPE models usually have no {@code person} class, only heads ({@code helmet}/{@code no_helmet})
 * and torsos ({@code vest}/{@code no_vest}); a worker is then whatever head and torso belong
 * together, and any part may be missing.
 *
 * @param box    the worker's extent in pixels: the person box, else the union of head and torso
 * @param person the {@code person} detection, or null when the model has none for this worker
 * @param head   the {@code helmet}/{@code no_helmet} detection, or null
 * @param torso  the {@code vest}/{@code no_vest} detection, or null
 */
public record Worker(BoundingBox box, Detection person, Detection head, Detection torso) {

    public Worker {
        if (box == null) {
            throw new IllegalArgumentException("a worker needs a box");
        }
    }

    /** A worker seen only as parts: the box is the union of the parts present. */
    static Worker ofParts(Detection head, Detection torso) {
        if (head == null && torso == null) {
            throw new IllegalArgumentException("a worker needs a head or a torso");
        }
        BoundingBox box = head == null ? torso.box() : torso == null ? head.box() : union(head.box(), torso.box());
        return new Worker(box, null, head, torso);
    }

    /** The detector saw a bare head. */
    public boolean bareHeaded() {
        return head != null && head.productClass() == ProductClass.NO_HELMET;
    }

    /** The detector saw a torso without a vest. */
    public boolean withoutVest() {
        return torso != null && torso.productClass() == ProductClass.NO_VEST;
    }

    /** The best confidence we have that this worker exists at all (used for zone breaches). */
    public float confidence() {
        if (person != null) {
            return person.confidence();
        }
        float c = 0;
        if (head != null) {
            c = Math.max(c, head.confidence());
        }
        if (torso != null) {
            c = Math.max(c, torso.confidence());
        }
        return c;
    }

    /** Where the worker stands: the bottom-centre of the box, in pixels (as Frigate uses for zones). */
    public float footX() {
        return (box.x1() + box.x2()) / 2;
    }

    public float footY() {
        return box.y2();
    }

    static BoundingBox union(BoundingBox a, BoundingBox b) {
        return new BoundingBox(Math.min(a.x1(), b.x1()), Math.min(a.y1(), b.y1()),
                Math.max(a.x2(), b.x2()), Math.max(a.y2(), b.y2()));
    }
}
