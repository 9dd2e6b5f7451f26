package org.tipmonitor.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it is never seen half written: the content goes to a temporary file beside the target
 * (same directory, so the same file system), is forced to the disk, and is then moved over the target in one
 * atomic rename. If anything fails, or the run is interrupted, the temporary file is removed and the target keeps
 * its previous content. A target that exists and is not a regular file (a device such as {@code /dev/null} or
 * {@code /dev/full}, a pipe) cannot be replaced by a rename and is written in place.
 */
final class AtomicFile {

    /** Writes the content to a stream. */
    @FunctionalInterface
    interface Content {
        /**
         * Writes.
         *
         * @param out the stream; the caller closes it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFile() {
    }

    /**
     * Writes a file atomically.
     *
     * @param target  the file
     * @param content what to write
     * @throws IOException if the target is a directory, or writing or moving fails (with the system's reason)
     */
    static void write(Path target, Content content) throws IOException {
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                content.writeTo(out);
            }
            return;
        }
        Path absolute = target.toAbsolutePath();
        // Not Files.createTempFile, which makes the file readable by its owner only: the file gets the permissions
        // a file written in place would have (the umask's), or those of the file it replaces.
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".partial");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                if (Files.exists(absolute) && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(absolute));
                }
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Writes a text file atomically, in UTF-8.
     *
     * @param target the file
     * @param text   the text
     * @throws IOException if writing fails
     */
    static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
