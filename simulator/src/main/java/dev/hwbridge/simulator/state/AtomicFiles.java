package dev.hwbridge.simulator.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Small-file I/O that survives a crash at any point: a file is replaced by writing a temp file in
 * the same directory, fsyncing it, renaming it over the target atomically and fsyncing the
 * directory, so a reader sees the old file or the new one, never a mix. Files are created 0600
 * where the file system is POSIX. Stateless.
 */
final class AtomicFiles {

    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes} atomically and durably. */
    static void write(Path target, byte[] bytes, SecureRandom random) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        byte[] tag = new byte[8];
        random.nextBytes(tag);
        Path temp = dir.resolve(target.getFileName() + "." + HexFormat.of().formatHex(tag) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly(dir))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /**
     * The file's bytes, or empty if it does not exist.
     *
     * @throws StateException {@code CORRUPT} if it is longer than {@code maxBytes}
     */
    static Optional<byte[]> read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new StateException(StateError.CORRUPT, file.getFileName() + " is too long");
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Overwrites the file with zeros, fsyncs, and deletes it. On a copy-on-write or flash file
     * system the old blocks may survive; the state is encrypted, so they are ciphertext.
     */
    static void destroy(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer zeros = ByteBuffer.allocate(4096);
            for (long written = 0; written < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                written += channel.write(zeros, written);
            }
            channel.force(true);
        }
        Files.delete(file);
    }

    /** Deletes temp files left by a write that crashed before its rename. */
    static void removeTemps(Path dir, String targetName) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, targetName + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Creates the directory (0700 where POSIX) if it is missing. */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (isPosix(dir.toAbsolutePath().getParent())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Opens (creating, 0600 where POSIX) a file for locking. */
    static FileChannel openLockFile(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return FileChannel.open(file, options, ownerOnly(file.toAbsolutePath().getParent()));
    }

    /** Makes a rename in {@code dir} durable. Only POSIX systems can open a directory to fsync it. */
    private static void syncDirectory(Path dir) throws IOException {
        if (isPosix(dir)) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (isPosix(dir)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
