package io.hardhats.rules;

import io.hardhats.vision.BoundingBox;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackerTest {

    private static Worker at(float x, float y) {
        return new Worker(new BoundingBox(x, y, x + 60, y + 160), null, null, null);
    }

    @Test
    void aWalkingWorkerKeepsOneId() {
        Tracker tracker = new Tracker();
        long id = tracker.update(List.of(at(100, 200))).get(0).id();
        for (int i = 1; i <= 30; i++) {
            // 25 px per frame: IoU with the previous box alone would still be fine; this checks
            // the id survives a long walk across the frame.
            assertThat(tracker.update(List.of(at(100 + 25 * i, 200 + 3 * i))).get(0).id()).isEqualTo(id);
        }
        assertThat(tracker.tracks()).hasSize(1);
    }

    @Test
    void aFastSmallBoxIsFollowedByCentreDistance() {
        Tracker tracker = new Tracker();
        // A 40×40 head moving 35 px per frame: IoU with the last box is below 0.3.
        Worker first = new Worker(new BoundingBox(100, 100, 140, 140), null, null, null);
        Worker second = new Worker(new BoundingBox(135, 100, 175, 140), null, null, null);
        assertThat(first.box().iou(second.box())).isLessThan(0.3f);
        long id = tracker.update(List.of(first)).get(0).id();
        assertThat(tracker.update(List.of(second)).get(0).id()).isEqualTo(id);
    }

    @Test
    void twoWorkersCrossingPathsKeepTheirIds() {
        Tracker tracker = new Tracker();
        // A walks right, B walks left, slightly further back (higher in the image); their boxes
        // overlap heavily around frame 10, where they pass.
        List<Track> first = tracker.update(List.of(at(100, 200), at(500, 185)));
        long a = first.get(0).id();
        long b = first.get(1).id();
        assertThat(a).isNotEqualTo(b);
        for (int i = 1; i <= 20; i++) {
            Worker wa = at(100 + 20 * i, 200);
            Worker wb = at(500 - 20 * i, 185);
            // Alternate the order the detector lists them in: ids must not depend on it.
            List<Track> tracks = i % 2 == 0 ? tracker.update(List.of(wa, wb)) : tracker.update(List.of(wb, wa));
            long ia = tracks.get(i % 2 == 0 ? 0 : 1).id();
            long ib = tracks.get(i % 2 == 0 ? 1 : 0).id();
            assertThat(ia).as("A at frame %d", i).isEqualTo(a);
            assertThat(ib).as("B at frame %d", i).isEqualTo(b);
        }
    }

    @Test
    void aTrackSurvivesShortGapsAndExpiresAfterThreeMissedFrames() {
        Tracker tracker = new Tracker();
        long id = tracker.update(List.of(at(100, 200))).get(0).id();
        tracker.update(List.of());
        tracker.update(List.of());
        assertThat(tracker.tracks()).singleElement().satisfies(t -> assertThat(t.missed()).isEqualTo(2));
        assertThat(tracker.update(List.of(at(102, 201))).get(0).id()).as("back after two misses").isEqualTo(id);

        tracker.update(List.of());
        tracker.update(List.of());
        tracker.update(List.of());
        assertThat(tracker.tracks()).as("expired after three misses").isEmpty();
        assertThat(tracker.update(List.of(at(100, 200))).get(0).id()).isNotEqualTo(id);
    }

    @Test
    void aNewWorkerElsewhereGetsANewId() {
        Tracker tracker = new Tracker();
        long id = tracker.update(List.of(at(100, 200))).get(0).id();
        List<Track> tracks = tracker.update(List.of(at(102, 200), at(900, 300)));
        assertThat(tracks.get(0).id()).isEqualTo(id);
        assertThat(tracks.get(1).id()).isNotEqualTo(id);
    }

    @Test
    void streaksCountConsecutiveObservationsAndResetWhenMissed() {
        Tracker tracker = new Tracker();
        Track t = tracker.update(List.of(at(100, 200))).get(0);
        assertThat(t.observe(io.hardhats.events.ViolationType.NO_HARDHAT, true)).isEqualTo(1);
        tracker.update(List.of(at(100, 200)));
        assertThat(t.observe(io.hardhats.events.ViolationType.NO_HARDHAT, true)).isEqualTo(2);
        assertThat(t.observe(io.hardhats.events.ViolationType.NO_VEST, true)).isEqualTo(1);
        tracker.update(List.of());
        assertThat(t.streak(io.hardhats.events.ViolationType.NO_HARDHAT)).isZero();
    }
}
