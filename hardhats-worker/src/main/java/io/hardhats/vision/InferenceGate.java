package io.hardhats.vision;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets only as many inferences run at once as there are turns ({@link InferenceThreads}), and
 * hands a freed turn to an organisation, not to whichever camera asked first: of the
 * organisations with cameras waiting, the one with the fewest inferences running, and among
 * those the one served longest ago. An organisation with forty cameras thus waits its turn like
 * one with a single camera, instead of taking forty turns for each of that one's. A turn never
 * stays free while anyone waits, so the cores stay as busy as with a plain queue.
 */
final class InferenceGate {

    /** A held turn; closing it passes the turn on (closing it again does nothing). */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** One camera's request for a turn, granted by the camera that passes its turn on. */
    private static final class Waiter {
        private boolean granted;
    }

    /** An organisation with inferences running or cameras waiting; forgotten when it has neither. */
    private static final class Share {
        private final Queue<Waiter> waiting = new ArrayDeque<>();
        private int running;
        private long lastServed;
    }

    private final Map<UUID, Share> shares = new HashMap<>();
    private int free;
    private int waiters;
    private long served;

    InferenceGate(int turns) {
        if (turns < 1) {
            throw new IllegalArgumentException("An inference gate needs at least one turn, got " + turns);
        }
        this.free = turns;
    }

    /** Waits for a turn (uninterruptibly: an inference is short, and the camera stops after it). */
    synchronized Turn enter(UUID organizationId) {
        Share share = shares.computeIfAbsent(organizationId, id -> new Share());
        if (free > 0 && waiters == 0) {
            free--;
            serve(share);
            return turn(organizationId);
        }
        Waiter waiter = new Waiter();
        share.waiting.add(waiter);
        waiters++;
        boolean interrupted = false;
        while (!waiter.granted) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return turn(organizationId);
    }

    /** Cameras waiting for a turn now. */
    synchronized int waiting() {
        return waiters;
    }

    private void serve(Share share) {
        share.running++;
        share.lastServed = ++served;
    }

    private Turn turn(UUID organizationId) {
        AtomicBoolean passed = new AtomicBoolean();
        return () -> {
            if (passed.compareAndSet(false, true)) {
                passOn(organizationId);
            }
        };
    }

    private synchronized void passOn(UUID organizationId) {
        Share leaving = shares.get(organizationId);
        leaving.running--;
        if (leaving.running == 0 && leaving.waiting.isEmpty()) {
            shares.remove(organizationId);
        }
        Share next = null;
        for (Share share : shares.values()) {
            if (!share.waiting.isEmpty() && (next == null || share.running < next.running
                    || share.running == next.running && share.lastServed < next.lastServed)) {
                next = share;
            }
        }
        if (next == null) {
            free++;
            return;
        }
        next.waiting.remove().granted = true;
        waiters--;
        serve(next);
        notifyAll();
    }
}
