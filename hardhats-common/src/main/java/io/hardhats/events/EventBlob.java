package io.hardhats.events;

import java.util.Arrays;
import java.util.List;

/**
 * The blobs an event references, one per {@code events} column. Retention removes them with their
 * event and the storage figures count them by kind. A new kind of event blob is one constant here
 * and its column in the {@code events_mark_blobs} trigger's arguments.
 */
public enum EventBlob {
    THUMBNAIL("thumbnail_path", "thumbnails", true),
    FRAME("frame_blob", "frames", false),
    CLIP("clip_blob", "clips", false);

    private final String column;
    private final String label;
    /** The oldest column holds the id as text, the others as uuid. */
    private final boolean textColumn;

    EventBlob(String column, String label, boolean textColumn) {
        this.column = column;
        this.label = label;
        this.textColumn = textColumn;
    }

    /** The {@code events} column holding the blob's id; also the blob's {@code kind}. */
    public String column() {
        return column;
    }

    /** The name storage figures use for blobs of this kind. */
    public String label() {
        return label;
    }

    /** An SQL condition on an events row: it references the blob {@code blobId} (an SQL uuid expression). */
    public String references(String blobId) {
        return column + " = " + blobId + (textColumn ? "::text" : "");
    }

    public static List<String> columns() {
        return Arrays.stream(values()).map(EventBlob::column).toList();
    }
}
