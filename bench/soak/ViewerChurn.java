package soak;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import common.BenchApi;
import common.MjpegParts;

/**
 * MJPEG viewers joining and leaving: each watches a random camera for 5 to 60 s, and departed
 * viewers are replaced, a few per tick, so the server keeps opening and closing streams.
 */
final class ViewerChurn {

    private record Viewer(MjpegParts parts, AtomicLong frames, long leaveAtNanos) {
    }

    private final BenchApi api;
    private final String cookie;
    private final List<String> cameras;
    private final int target;
    private final Random random = new Random(7);
    private final List<Viewer> active = new ArrayList<>();
    private long opened;
    private long failed;
    private long withoutFrame;
    private long frames;

    ViewerChurn(BenchApi api, String cookie, List<String> cameras, int target) {
        this.api = api;
        this.cookie = cookie;
        this.cameras = cameras;
        this.target = target;
    }

    synchronized void tick() {
        long now = System.nanoTime();
        for (Iterator<Viewer> it = active.iterator(); it.hasNext();) {
            Viewer v = it.next();
            if (v.leaveAtNanos() <= now) {
                leave(v);
                it.remove();
            }
        }
        // a fifth of the target at most joins per tick, so arrivals spread out
        for (int i = 0; active.size() < target && i < Math.max(1, target / 5); i++) {
            AtomicLong received = new AtomicLong();
            String camera = cameras.get(random.nextInt(cameras.size()));
            MjpegParts parts = api.open("/api/stream/" + camera, cookie, new MjpegParts(head -> received.incrementAndGet()));
            active.add(new Viewer(parts, received, now + (5 + random.nextInt(56)) * 1_000_000_000L));
            opened++;
        }
    }

    synchronized int active() {
        return active.size();
    }

    synchronized void stop() {
        active.forEach(this::leave);
        active.clear();
    }

    private void leave(Viewer v) {
        boolean broken = v.parts().failed();
        v.parts().cancel();
        if (broken) {
            failed++;
        } else if (v.frames().get() == 0) {
            withoutFrame++;
        }
        frames += v.frames().get();
    }

    synchronized String json() {
        return String.format(Locale.ROOT, "{\"opened\":%d,\"failed\":%d,\"without_frame\":%d,\"frames\":%d}",
                opened, failed, withoutFrame, frames);
    }
}
