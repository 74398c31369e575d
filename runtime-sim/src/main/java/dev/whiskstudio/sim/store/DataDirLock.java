package dev.whiskstudio.sim.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds a data directory for one simulator: a second one on the same directory would share its SQLite file and
 * take the first one's containers for orphans, so it is refused with a clear message instead.
 */
public final class DataDirLock implements AutoCloseable {
    private static final String FILE_NAME = "sim.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; fails with a message a user can act on. */
    public static DataDirLock acquire(Path dataDir) throws IOException {
        try {
            Files.createDirectories(dataDir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("The data directory " + dataDir + " already exists and is not a directory.", e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new IOException("The data directory " + dataDir + " is not writable.");
        }
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirInUseException(dataDir);
        }
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending or the file is gone: the lock goes with it
        }
    }

    /** Another simulator is using the directory. */
    public static final class DataDirInUseException extends IOException {
        public DataDirInUseException(Path dataDir) {
            super("The data directory " + dataDir + " is in use by another simulator. Stop it, or start this one with "
                    + "another data directory (--data-dir).");
        }
    }
}
