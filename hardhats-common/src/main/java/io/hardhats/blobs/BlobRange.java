package io.hardhats.blobs;

import java.io.InputStream;
import java.util.UUID;

/**
 * A byte range of a stored blob, read as the caller reads it: one chunk's needed part at a time,
 * so a clip served to a seeking video player is never in memory whole and a slow reader holds
 * no database connection between reads.
 */
final class BlobRange extends InputStream {

    /** Reads {@code length} bytes of chunk {@code seq} from {@code offset} within it. */
    interface ChunkReader {
        byte[] read(UUID blobId, int seq, int offset, int length);
    }

    private final UUID blobId;
    private final ChunkReader chunks;
    private final int chunkBytes;
    private long position;
    private final long end;
    private byte[] current = new byte[0];
    private int index;

    BlobRange(UUID blobId, long offset, long length, int chunkBytes, ChunkReader chunks) {
        this.blobId = blobId;
        this.chunks = chunks;
        this.chunkBytes = chunkBytes;
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (index == current.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - index);
        System.arraycopy(current, index, target, off, n);
        index += n;
        return n;
    }

    private boolean fill() {
        if (position >= end) {
            return false;
        }
        int seq = Math.toIntExact(position / chunkBytes);
        int within = (int) (position % chunkBytes);
        int wanted = (int) Math.min(chunkBytes - within, end - position);
        current = chunks.read(blobId, seq, within, wanted);
        index = 0;
        position += current.length;
        if (current.length == 0) {
            position = end; // the blob is shorter than the range asked for
            return false;
        }
        return true;
    }
}
