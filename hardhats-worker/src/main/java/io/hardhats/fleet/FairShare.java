package io.hardhats.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import io.hardhats.fleet.WorkerRegistry.WorkerSlot;

/**
 * How many cameras each live worker should hold. Every worker computes the same answer from
 * the same rows, so targets add up to the number of cameras (when capacity allows) and no two
 * workers' counts differ by more than one unless capacity forces it: the remainder of an uneven
 * split goes to the oldest workers. A ceiling-based share would leave 4/4/2 for ten cameras
 * on three workers stable forever.
 */
public final class FairShare {

    private FairShare() {
    }

    /** Targets by worker id, for workers in rank order (oldest first). */
    public static Map<UUID, Integer> targets(List<WorkerSlot> workers, int cameras) {
        Map<UUID, Integer> targets = new LinkedHashMap<>();
        List<WorkerSlot> open = new ArrayList<>();
        for (WorkerSlot worker : workers) {
            targets.put(worker.id(), 0);
            if (worker.capacity() > 0) {
                open.add(worker);
            }
        }
        int remaining = cameras;
        // Water filling: share evenly among workers with room; a full worker drops out and its
        // unused share is split among the rest in the next round.
        while (remaining > 0 && !open.isEmpty()) {
            int share = remaining / open.size();
            if (share == 0) {
                for (int i = 0; i < remaining; i++) {
                    targets.merge(open.get(i).id(), 1, Integer::sum);
                }
                break;
            }
            List<WorkerSlot> stillOpen = new ArrayList<>();
            for (WorkerSlot worker : open) {
                int given = Math.min(share, worker.capacity() - targets.get(worker.id()));
                targets.merge(worker.id(), given, Integer::sum);
                remaining -= given;
                if (targets.get(worker.id()) < worker.capacity()) {
                    stillOpen.add(worker);
                }
            }
            open = stillOpen;
        }
        return targets;
    }

    /** This worker's target, or empty when it is not (yet) among the live workers. */
    public static OptionalInt targetOf(UUID worker, List<WorkerSlot> workers, int cameras) {
        Integer target = targets(workers, cameras).get(worker);
        return target == null ? OptionalInt.empty() : OptionalInt.of(target);
    }
}
