package io.hardhats.clips;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.hardhats.ingest.CompressedPacket;
import io.hardhats.ingest.StreamFormat;

/**
 * One camera's last seconds of compressed video, as received: it always starts at a keyframe,
 * covers at least {@code keep} when it can, and never holds more than {@code maxBytes} (whole
 * groups of pictures are dropped from the front). A new connection starts it afresh, since its
 * timestamps and parameters may differ. Written by the camera's thread, read by clip writers.
 * Adding a packet costs the same however long the groups are: the byte total and the keyframes
 * held are kept as packets come and go, so no group is walked to decide what to drop.
 */
final class PacketRing {

    private record Entry(long seq, CompressedPacket packet) {
    }

    /** The part of the ring taken for a clip, and where to continue from for the rest of it. */
    record Cut(StreamFormat format, long generation, long lastSeq, List<CompressedPacket> packets) {
    }

    private final Duration keep;
    private final long maxBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /** The keyframes among {@link #entries}, oldest first: where each group starts. */
    private final ArrayDeque<Entry> keyframes = new ArrayDeque<>();
    private StreamFormat format;
    private long generation;
    private long nextSeq;
    private long bytes;

    PacketRing(Duration keep, long maxBytes) {
        this.keep = keep;
        this.maxBytes = maxBytes;
    }

    /** A connection opened: what follows has this format. */
    synchronized void open(StreamFormat newFormat) {
        clear();
        format = newFormat;
    }

    /** Lets go of the packets held, keeping the connection's format, so later packets are kept again. */
    synchronized void empty() {
        entries.clear();
        keyframes.clear();
        bytes = 0;
        generation++;
    }

    /** The live source is not being read (placeholder, no connection): nothing to copy. */
    synchronized void clear() {
        empty();
        format = null;
    }

    synchronized void add(CompressedPacket packet) {
        if (format == null || (entries.isEmpty() && !packet.keyFrame())) {
            return; // a clip must start at a keyframe: wait for one
        }
        Entry entry = new Entry(nextSeq++, packet);
        entries.addLast(entry);
        if (packet.keyFrame()) {
            keyframes.addLast(entry);
        }
        bytes += packet.data().length;
        trim();
    }

    private void trim() {
        while (!entries.isEmpty() && (bytes > maxBytes || coversWithoutFirstGroup())) {
            dropFirstGroup();
        }
    }

    /** Whether the ring still covers {@code keep} from its second keyframe on. */
    private boolean coversWithoutFirstGroup() {
        if (keyframes.size() < 2) {
            return false;
        }
        Iterator<Entry> it = keyframes.iterator();
        it.next();
        Instant secondGroup = it.next().packet().receivedAt();
        Instant newest = entries.getLast().packet().receivedAt();
        return Duration.between(secondGroup, newest).compareTo(keep) >= 0;
    }

    private void dropFirstGroup() {
        keyframes.removeFirst();
        do {
            bytes -= entries.removeFirst().packet().data().length;
        } while (!entries.isEmpty() && !entries.getFirst().packet().keyFrame());
    }

    /** Whether it holds video a clip can start from. */
    /** Whether the open connection's packets are kept: its format is one a clip can copy. */
    synchronized boolean keepsFormat() {
        return format != null;
    }

    synchronized boolean holdsVideo() {
        return format != null && !entries.isEmpty();
    }

    synchronized long bytes() {
        return bytes;
    }

    /**
     * The packets from the keyframe nearest to {@code start} (so the clip starts on a picture that
     * decodes alone, as close as the camera's keyframes allow) up to the newest; empty when the
     * ring holds nothing usable.
     */
    synchronized Optional<Cut> from(Instant start) {
        if (format == null || entries.isEmpty()) {
            return Optional.empty();
        }
        Entry first = keyframes.getFirst();
        long best = Long.MAX_VALUE;
        for (Entry key : keyframes) {
            long distance = Math.abs(Duration.between(start, key.packet().receivedAt()).toMillis());
            if (distance < best) {
                best = distance;
                first = key;
            }
        }
        // Sequence numbers run without gaps through the ring, so the keyframe's place is their difference.
        List<CompressedPacket> packets = entries.stream().skip(first.seq() - entries.getFirst().seq())
                .map(Entry::packet).toList();
        return Optional.of(new Cut(format, generation, entries.getLast().seq(), packets));
    }

    /**
     * The packets received since {@code cut} was taken, up to {@code end}; empty when the camera
     * reconnected since or the ring has already let some of them go (the clip then ends where the
     * cut did).
     */
    synchronized List<CompressedPacket> after(Cut cut, Instant end) {
        if (cut.generation() != generation || (!entries.isEmpty() && entries.getFirst().seq() > cut.lastSeq() + 1)) {
            return List.of();
        }
        return entries.stream().filter(e -> e.seq() > cut.lastSeq())
                .map(Entry::packet).filter(p -> !p.receivedAt().isAfter(end)).toList();
    }
}
