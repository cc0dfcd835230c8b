package soak;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import common.BenchApi;
import common.MjpegParts;

/** Watches cameras' latest frames (snapshots) and the capture time the worker writes into each. */
final class RecoveryProbe {

    static final long POLL_MS = 500;

    private final BenchApi api;
    private final String cookie;

    RecoveryProbe(BenchApi api, String cookie) {
        this.api = api;
        this.cookie = cookie;
    }

    /**
     * Seconds from {@code sinceMillis} until each camera's latest frame is one captured after it,
     * polled until every camera is back or {@code deadlineNanos}; -1 for a camera that was not back.
     */
    double[] awaitFramesAfter(List<String> cameras, long sinceMillis, long deadlineNanos)
            throws IOException, InterruptedException {
        double[] back = new double[cameras.size()];
        Arrays.fill(back, -1);
        int left = cameras.size();
        while (left > 0 && System.nanoTime() < deadlineNanos) {
            for (int i = 0; i < back.length; i++) {
                if (back[i] < 0 && capturedAt(cameras.get(i)) > sinceMillis) {
                    back[i] = (System.currentTimeMillis() - sinceMillis) / 1000.0;
                    left--;
                }
            }
            Thread.sleep(POLL_MS);
        }
        return back;
    }

    /** How many cameras have a latest frame captured at or after {@code sinceMillis}. */
    int liveSince(List<String> cameras, long sinceMillis) throws IOException, InterruptedException {
        int live = 0;
        for (String camera : cameras) {
            live += capturedAt(camera) >= sinceMillis ? 1 : 0;
        }
        return live;
    }

    /** The capture time of the camera's latest frame; -1 for the "no signal" picture. */
    private long capturedAt(String camera) throws IOException, InterruptedException {
        return MjpegParts.capturedAt(api.getBytes("/api/stream/" + camera + "/snapshot", cookie).body());
    }
}
