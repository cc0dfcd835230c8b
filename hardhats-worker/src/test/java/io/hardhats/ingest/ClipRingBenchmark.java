package io.hardhats.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.hardhats.cameras.CameraHostGuard;
import io.hardhats.cameras.CameraStatus;
import io.hardhats.cameras.SourceType;
import io.hardhats.clips.CameraClips;
import io.hardhats.clips.ClipRings;
import io.hardhats.clips.ClipSettings;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Resident memory of RTSP cameras with and without their evidence-clip rings: N ingests of a
 * 1920x1080 25 fps H.264 stream (GStreamer's RTSP server, 2 s GOP) analysed at 0.5 fps, each
 * feeding a ring with the default settings (mode {@code clips}) or not ({@code none}). Run each
 * mode in its own JVM with the same heap settings and compare {@code rss_mb}. Prints JSON.
 * Arguments (optional): mode (clips), cameras (8), seconds (40), stream bit rate in kbit/s (4000).
 */
public final class ClipRingBenchmark {

    public static void main(String[] args) throws Exception {
        boolean clips = args.length == 0 || args[0].equals("clips");
        int cameras = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int kbps = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        ClipRings rings = new ClipRings(new ClipSettings(null, null, null, null, null, null));
        FfmpegCameraIngestFactory factory = new FfmpegCameraIngestFactory(new CameraHostGuard(true));
        List<CameraIngest> ingests = new ArrayList<>();
        List<CameraClips> held = new ArrayList<>();
        long rssBefore = rssKb();
        try (RtspTestServer server = RtspTestServer.start(TestClips.fullHd(seconds + 20, kbps))) {
            for (int i = 0; i < cameras; i++) {
                UUID id = UUID.randomUUID();
                CameraClips ring = rings.open(id, 0.5);
                held.add(ring);
                ingests.add(factory.start(new CameraSource(id, SourceType.RTSP, server.url(), null, false, 0.5, 1280),
                        new Listener(clips ? ring : null)));
            }
            Thread.sleep(seconds * 1000L);
            long ringBytes = held.stream().mapToLong(CameraClips::packetBytes).sum();
            System.gc();
            long rssAfter = rssKb();
            System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"cameras\":%d,\"seconds\":%d,\"rss_mb\":%.1f,"
                    + "\"rss_growth_mb\":%.1f,\"ring_mb_per_camera\":%.2f,\"stream\":\"1920x1080 25fps h264 gop=2s %d kbit/s\"}%n",
                    clips ? "clips" : "none", cameras, seconds, rssAfter / 1024.0, (rssAfter - rssBefore) / 1024.0,
                    ringBytes / 1048576.0 / cameras, kbps);
        } finally {
            ingests.forEach(CameraIngest::close);
        }
    }

    /** This process's resident memory, in kB, from {@code /proc/self/status}. */
    static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Hands packets to the ring (when there is one) and drops the frames. */
    private record Listener(CameraClips ring) implements FrameListener {
        @Override
        public void onFrame(Mat bgr, Instant capturedAt, boolean placeholder) {
        }

        @Override
        public void onStatus(CameraStatus status, String errorMessage) {
        }

        @Override
        public void onStreamOpened(StreamFormat format) {
            if (ring != null) {
                ring.streamOpened(format);
            }
        }

        @Override
        public boolean wantsPackets() {
            return ring != null && ring.keepsPackets();
        }

        @Override
        public void onPacket(CompressedPacket packet) {
            if (ring != null) {
                ring.packet(packet);
            }
        }
    }
}
