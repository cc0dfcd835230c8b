package io.hardhats.ingest;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.hardhats.cameras.CameraStatus;
import org.bytedeco.opencv.opencv_core.Mat;

/** Records what an ingest reports. */
class RecordingListener implements FrameListener {

    record Status(CameraStatus status, String message) {
    }

    final List<Status> statuses = new CopyOnWriteArrayList<>();
    final AtomicInteger frames = new AtomicInteger();
    final AtomicInteger placeholderFrames = new AtomicInteger();
    final AtomicInteger liveFrames = new AtomicInteger();
    volatile int lastWidth;
    volatile int lastHeight;
    volatile int lastChannels;

    @Override
    public void onFrame(Mat bgr, Instant capturedAt, boolean placeholder) {
        lastWidth = bgr.cols();
        lastHeight = bgr.rows();
        lastChannels = bgr.channels();
        frames.incrementAndGet();
        (placeholder ? placeholderFrames : liveFrames).incrementAndGet();
    }

    @Override
    public void onStatus(CameraStatus status, String errorMessage) {
        statuses.add(new Status(status, errorMessage));
    }

    CameraStatus last() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).status();
    }

    Status lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    boolean saw(CameraStatus status) {
        return statuses.stream().anyMatch(s -> s.status() == status);
    }
}
