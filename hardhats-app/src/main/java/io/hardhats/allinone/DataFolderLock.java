package io.hardhats.allinone;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One data folder, one running Hard Hats: the lock is held for the life of the process (the
 * operating system lets go of it when the process ends, however it ends), so a second process
 * on the same folder learns at once that the folder, and the database in it, are taken.
 */
public final class DataFolderLock {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, or fails with a message that says which folder is in use and what to do. */
    public static DataFolderLock acquire(Path dataDir) {
        Path file = dataDir.resolve("hardhats.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataFolderInUseException(dataDir);
            }
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot lock the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }

    /** Another process runs on this data folder. */
    public static final class DataFolderInUseException extends IllegalStateException {
        DataFolderInUseException(Path dataDir) {
            super("Another Hard Hats process is already running on the data folder " + dataDir.toAbsolutePath()
                    + ". Stop it first, or give this one a folder of its own with HARDHATS_DATA_DIR.");
        }
    }
}
