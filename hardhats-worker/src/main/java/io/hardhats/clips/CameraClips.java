package io.hardhats.clips;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.hardhats.events.ClipKind;
import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.StreamFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one camera keeps for its evidence clips: the live source's compressed packets and the
 * analysed frames of the last seconds. Fed by the camera's pipeline, on the camera's thread.
 */
public final class CameraClips {

    /**
     * The width of a clip made from analysed frames, and of the frames kept for one while nobody
     * watches the camera: a JPEG of a quarter of the live frame's pixels costs a quarter of its
     * encoding, paid on every analysed frame of every such camera.
     */
    public static final int FRAME_WIDTH = 640;

    private static final Logger log = LoggerFactory.getLogger(CameraClips.class);

    private final PacketRing packets;
    private final FrameRing frames;
    private final Duration before;
    private final double fps;
    /** False in privacy mode: the camera's own video shows faces, the analysed frames are blurred. */
    private volatile boolean compressedCopyAllowed = true;
    /**
     * Whether the packet ring may hold a live connection's packets, which the placeholder's first
     * frame makes stale; the camera's thread only. The placeholder's later frames find nothing to
     * let go of, so they leave the ring alone.
     */
    private boolean livePacketsHeld;

    CameraClips(ClipSettings settings, double fps) {
        Duration keep = settings.before().compareTo(settings.after()) >= 0 ? settings.before() : settings.after();
        this.packets = new PacketRing(keep, settings.maxBytesPerCamera().toBytes());
        this.frames = new FrameRing(keep);
        this.before = settings.before();
        this.fps = fps;
    }

    public void streamOpened(StreamFormat format) {
        packets.open(Mp4Remux.accepts(format) ? format : null);
        livePacketsHeld = true;
    }

    /**
     * Whether live packets are kept now: only while a clip may copy them (in privacy mode the
     * camera's own video, faces unblurred, is not held) and an MP4 can carry the stream.
     */
    public boolean keepsPackets() {
        return compressedCopyAllowed && packets.keepsFormat();
    }

    /** Kept only while {@link #keepsPackets}. */
    public void packet(CompressedPacket packet) {
        if (keepsPackets()) {
            packets.add(packet);
        }
    }

    /** An analysed frame as published; a placeholder's frame means the live packets are not current. */
    public void analysed(byte[] jpeg, Instant capturedAt, boolean placeholder) {
        if (placeholder) {
            placeholderFrame();
        }
        frames.add(jpeg, capturedAt);
    }

    /** A placeholder's frame, kept or not: the live packets, if any are held, are no longer current. */
    public void placeholderFrame() {
        if (livePacketsHeld) {
            packets.clear();
            livePacketsHeld = false;
        }
    }

    /** Set by the camera's pipeline from its organisation's privacy mode. */
    public void allowCompressedCopy(boolean allowed) {
        if (compressedCopyAllowed && !allowed) {
            packets.empty();
        }
        compressedCopyAllowed = allowed;
    }

    /**
     * Whether the clip would be made from the analysed frames now, so each analysed frame must be
     * encoded and kept even while nobody watches the camera.
     */
    public boolean needsAnalysedFrames() {
        return kind() == ClipKind.ANALYSED_FRAMES;
    }

    /** Bytes of compressed video held now. */
    public long packetBytes() {
        return packets.bytes();
    }

    /**
     * How a clip will be made: a copy of the camera's own video when privacy mode is off and the
     * live source gave packets an MP4 can carry, otherwise the analysed frames.
     */
    ClipKind kind() {
        return compressedCopyAllowed && packets.holdsVideo() ? ClipKind.STREAM_COPY : ClipKind.ANALYSED_FRAMES;
    }

    /** Takes what is there before the violation now; the rest is added when the clip is written. */
    Material begin(ClipKind kind, Instant at) {
        Instant start = at.minus(before);
        List<FrameRing.Shot> shotsBefore = frames.between(start, at.plusNanos(1)); // the violation's own frame too
        Optional<PacketRing.Cut> cut = kind == ClipKind.STREAM_COPY ? packets.from(start) : Optional.empty();
        return new Material(cut, shotsBefore, at);
    }

    /** The video gathered for one clip; written once the seconds after the violation have passed. */
    final class Material {
        private final Optional<PacketRing.Cut> cut;
        private final List<FrameRing.Shot> shotsBefore;
        private final Instant at;

        private Material(Optional<PacketRing.Cut> cut, List<FrameRing.Shot> shotsBefore, Instant at) {
            this.cut = cut;
            this.shotsBefore = shotsBefore;
            this.at = at;
        }

        /**
         * Writes the clip up to {@code end} into {@code file}: the camera's video when it was taken
         * and copies, the analysed frames otherwise (or when the copy fails).
         *
         * @return how the clip was made and its content type, or empty when there was nothing to write
         */
        Optional<Written> write(Instant end, Path file) throws IOException {
            if (cut.isPresent()) {
                PacketRing.Cut taken = cut.get();
                List<CompressedPacket> all = Stream.concat(taken.packets().stream(),
                        packets.after(taken, end).stream()).toList();
                try {
                    Mp4Remux.write(taken.format(), all, file);
                    return Optional.of(new Written(ClipKind.STREAM_COPY, Mp4Remux.CONTENT_TYPE));
                } catch (IOException e) {
                    log.warn("A clip could not be copied from the camera's video, using the analysed frames: {}",
                            e.getMessage());
                }
            }
            List<FrameRing.Shot> shots = Stream.concat(shotsBefore.stream(),
                    frames.between(at.plusNanos(1), end).stream()).toList();
            if (!FramesEncoder.write(shots, fps, file)) {
                return Optional.empty();
            }
            return Optional.of(new Written(ClipKind.ANALYSED_FRAMES, FramesEncoder.OUTPUT.contentType()));
        }
    }

    /** A clip on disk: how it was made and its content type. */
    record Written(ClipKind kind, String contentType) {
    }
}
