package io.hardhats.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.sun.management.OperatingSystemMXBean;
import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.cameras.SourceType;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the ingest itself costs per camera: N cameras read a 1920x1080 25 fps H.264 file (2 s GOP)
 * looped in real time, analysed at 0.5 fps (keyframes only) and converted to 1280 px wide, their
 * packets and frames handed to a listener that drops them. After a warm-up, the process's CPU
 * time over a window per camera, and its resident memory after a GC. Run it against two builds
 * in separate JVMs with the same heap settings to compare them. Prints JSON.
 * Arguments (optional): cameras (16), warm-up seconds (20), measured seconds (60).
 */
public final class IngestFootprintBenchmark {

    public static void main(String[] args) throws Exception {
        int cameras = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path clip = TestClips.fullHd(20);
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        System.gc();
        long rssBefore = ClipRingBenchmark.rssKb();
        FfmpegCameraIngestFactory factory = new FfmpegCameraIngestFactory(new CameraHostGuard(true));
        List<CameraIngest> ingests = new ArrayList<>();
        try {
            for (int i = 0; i < cameras; i++) {
                ingests.add(factory.start(new CameraSource(UUID.randomUUID(), SourceType.FILE, clip.toString(), null,
                        false, 0.5, 1280), new Dropping()));
            }
            Thread.sleep(warmUp * 1000L);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
            double wallSeconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long rssAfter = ClipRingBenchmark.rssKb();
            System.out.printf(Locale.ROOT, "{\"cameras\":%d,\"seconds\":%d,\"cpu_ms_per_camera_second\":%.2f,"
                    + "\"rss_mb\":%.1f,\"rss_growth_mb_per_camera\":%.2f,\"load_average\":%.2f,"
                    + "\"source\":\"1920x1080 25fps h264 gop=2s file, real time, 0.5 fps, 1280 wide\"}%n",
                    cameras, seconds, cpuSeconds * 1000 / wallSeconds / cameras, rssAfter / 1024.0,
                    (rssAfter - rssBefore) / 1024.0 / cameras, os.getSystemLoadAverage());
        } finally {
            ingests.forEach(CameraIngest::close);
        }
    }

    /** Takes everything and keeps nothing. */
    private static final class Dropping implements FrameListener {
        @Override
        public void onFrame(Mat bgr, Instant capturedAt, boolean placeholder) {
        }

        @Override
        public void onStatus(CameraStatus status, String errorMessage) {
        }
    }
}
