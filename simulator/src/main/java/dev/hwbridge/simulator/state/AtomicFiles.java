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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Small-file I/O for the state directory that survives a crash at any point: a file is replaced
 * by writing a temp file of a unique, unguessable name in the same directory, fsyncing it,
 * renaming it over the target atomically and fsyncing the directory, so a reader sees the old file
 * or the new one, never a mix. Where the file system is POSIX, files are created 0600 and the
 * directory is 0700: a directory that group or others may enter is refused. Stateless.
 */
public final class AtomicFiles {

    static final String TEMP_SUFFIX = ".tmp";
    /** Fresh names tried before a write gives up: a collision of 64 random bits means someone plants files. */
    private static final int TEMP_NAME_TRIES = 8;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code bytes} atomically and durably. The temp file is created
     * new (never opened if something, a link included, already has its name), so a file planted
     * under a guessed name is neither written through nor deleted.
     */
    public static void write(Path target, byte[] bytes, SecureRandom random) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = createTemp(dir, target.getFileName().toString(), random);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
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

    /** {@code <target>.<16 random hex digits>.tmp}, created empty (0600 where POSIX) under a name nothing had. */
    static Path createTemp(Path dir, String targetName, SecureRandom random) throws IOException {
        FileAlreadyExistsException taken = null;
        for (int i = 0; i < TEMP_NAME_TRIES; i++) {
            byte[] tag = new byte[8];
            random.nextBytes(tag);
            Path temp = dir.resolve(targetName + "." + HexFormat.of().formatHex(tag) + TEMP_SUFFIX);
            try {
                FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(dir))
                        .close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                taken = e;
            }
        }
        throw new IOException("no free temporary name for " + targetName + " after " + TEMP_NAME_TRIES + " tries", taken);
    }

    /**
     * The file's bytes, or empty if it does not exist.
     *
     * @throws StateException {@code CORRUPT} if it is longer than {@code maxBytes}
     */
    public static Optional<byte[]> read(Path file, int maxBytes) throws IOException {
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
    public static void removeTemps(Path dir, String targetName) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, targetName + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Creates the directory (0700 where POSIX) if it is missing, and refuses one that exists but
     * that group or others may read, write or enter: whoever can read the sealed state can guess
     * its PIN offline, and whoever can write there can reset what the device remembers.
     *
     * @throws StateException {@code INSECURE_DIRECTORY} for such a directory
     */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            requireOwnerOnly(dir);
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

    private static void requireOwnerOnly(Path dir) throws IOException {
        if (!isPosix(dir)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(GROUP_OR_OTHERS);
        if (!open.isEmpty()) {
            throw new StateException(StateError.INSECURE_DIRECTORY, "the state directory " + dir + " is "
                    + PosixFilePermissions.toString(permissions) + ": group and others must have no access to it"
                    + " (chmod 700 " + dir + ")");
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
