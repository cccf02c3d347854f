package dev.hwbridge.daemon.chain;

import dev.hwbridge.daemon.registry.AtomicFile;
import dev.hwbridge.daemon.registry.CorruptFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chains' metadata the user added, one file per (genesis hash, spec version) in
 * {@code <dataDir>/chains/} ({@link ChainFile}), written atomically and read back at open. Only the
 * records stay in memory; the metadata bytes are read from disk when a signature needs them.
 * Bounded ({@link Limits#DEFAULT}): at most two runtimes per chain, 32 in all, 64 MiB of metadata
 * in all; past a bound the runtimes added longest ago go first. A file that cannot be read is moved aside to
 * {@code <name>.corrupt-<UTC time>} with a warning. Thread-safe.
 */
public final class ChainStore {

    private static final Logger LOG = LoggerFactory.getLogger(ChainStore.class);

    public static final String DIRECTORY = "chains";
    /** What a 4 MiB message of hex holds; today's largest metadata is 0.7 MB. */
    public static final int MAX_METADATA_BYTES = 2 << 20;

    /**
     * How much the store keeps.
     *
     * @param versionsPerChain runtimes of one chain (genesis hash)
     * @param runtimes         runtimes in all
     * @param totalBytes       metadata bytes in all
     */
    public record Limits(int versionsPerChain, int runtimes, long totalBytes) {
        /** Two versions: after a runtime upgrade the one before it still signs until the upgrade is enacted. */
        public static final Limits DEFAULT = new Limits(2, 32, 64L << 20);
    }

    private static final Pattern FILE_NAME = Pattern.compile("(0x[0-9a-f]{64})-([0-9]{1,10})\\.chain");
    private static final Comparator<ChainRecord> ORDER =
            Comparator.comparing(ChainRecord::genesisHash).thenComparingLong(ChainRecord::specVersion);
    private static final int MAX_FILE_BYTES = ChainFile.MAGIC.length() + ChainFile.MAX_HEADER_BYTES + 1
            + MAX_METADATA_BYTES;

    /** How a new file content reaches the disk; tests inject failures here. */
    @FunctionalInterface
    interface Writer {
        void write(Path target, byte[] content) throws IOException;
    }

    /** A record and the size of its metadata, as the bounds count it. */
    private record Entry(ChainRecord record, int metadataLength) {
    }

    private final Path directory;
    private final Limits limits;
    private final Clock clock;
    private final Writer writer;
    private final List<Entry> entries;

    private ChainStore(Path directory, Limits limits, Clock clock, Writer writer, List<Entry> entries) {
        this.directory = directory;
        this.limits = limits;
        this.clock = clock;
        this.writer = writer;
        this.entries = entries;
    }

    /**
     * Opens the store in {@code dataDir} (its directory is made when the first runtime is added).
     *
     * @throws UncheckedIOException when the directory cannot be read, or an unreadable
     *                              file cannot be moved aside
     */
    public static ChainStore open(Path dataDir) {
        return open(dataDir, Limits.DEFAULT, Clock.systemUTC(), AtomicFile::write);
    }

    static ChainStore open(Path dataDir, Limits limits, Clock clock, Writer writer) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path directory = dataDir.resolve(DIRECTORY);
        try {
            // Made by the first add: a daemon that never stores metadata leaves no trace.
            List<Entry> entries = Files.isDirectory(directory) ? load(directory, limits, clock) : new ArrayList<>();
            return new ChainStore(directory, limits, clock, writer, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the chain store in " + directory, e);
        }
    }

    /** Every stored runtime, by chain (genesis hash) and spec version. */
    public synchronized List<ChainRecord> list() {
        return entries.stream().map(Entry::record).sorted(ORDER).toList();
    }

    /** The stored runtimes of one chain, newest spec version first. */
    public synchronized List<ChainRecord> versions(String genesisHash) {
        return entries.stream().map(Entry::record).filter(r -> r.genesisHash().equals(genesisHash))
                .sorted(Comparator.comparingLong(ChainRecord::specVersion).reversed()).toList();
    }

    public synchronized Optional<ChainRecord> find(String genesisHash, long specVersion) {
        return entries.stream().map(Entry::record).filter(r -> r.is(genesisHash, specVersion)).findFirst();
    }

    /**
     * Stores {@code record} with its metadata, replacing the same runtime, then drops the runtimes
     * added longest ago that are past a bound (the new one never is).
     *
     * @return the runtimes dropped to make room
     * @throws IllegalArgumentException when the metadata is larger than {@link #MAX_METADATA_BYTES}
     * @throws UncheckedIOException     when the file cannot be written; the store is then unchanged
     */
    public synchronized List<ChainRecord> add(ChainRecord record, byte[] metadata) {
        if (metadata.length > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
        }
        Path file = fileOf(record.genesisHash(), record.specVersion());
        try {
            Files.createDirectories(directory);
            writer.write(file, ChainFile.encode(record, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        entries.removeIf(e -> e.record().is(record.genesisHash(), record.specVersion()));
        entries.add(new Entry(record, metadata.length));
        List<ChainRecord> dropped = new ArrayList<>();
        for (Entry oldest; (oldest = pastABound(record)) != null; ) {
            entries.remove(oldest);
            deleteFile(oldest.record());
            dropped.add(oldest.record());
        }
        return dropped;
    }

    /**
     * Removes one runtime and its file.
     *
     * @return whether it was stored
     * @throws UncheckedIOException when the file cannot be deleted; the store is then unchanged
     */
    public synchronized boolean forget(String genesisHash, long specVersion) {
        Optional<Entry> entry = entries.stream().filter(e -> e.record().is(genesisHash, specVersion)).findFirst();
        if (entry.isEmpty()) {
            return false;
        }
        try {
            Files.deleteIfExists(fileOf(genesisHash, specVersion));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the metadata of " + genesisHash + " " + specVersion, e);
        }
        entries.remove(entry.get());
        return true;
    }

    /**
     * The metadata bytes of a stored runtime, read from its file and checked. A file that no
     * longer reads back as it was written is moved aside and its runtime forgotten.
     *
     * @return empty when the runtime is not stored (or no longer readable)
     * @throws UncheckedIOException when the file cannot be read or moved aside
     */
    public synchronized Optional<byte[]> metadata(ChainRecord record) {
        Optional<Entry> entry = entries.stream().filter(e -> e.record().equals(record)).findFirst();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Path file = fileOf(record.genesisHash(), record.specVersion());
        try {
            Optional<ChainFile.Stored> stored = readOrMoveAside(file, clock);
            if (stored.isPresent() && stored.get().record().equals(record)) {
                return Optional.of(stored.get().metadata());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        entries.remove(entry.get());
        return Optional.empty();
    }

    /** The oldest entry past a bound, never {@code keep}; null when every bound holds. */
    private Entry pastABound(ChainRecord keep) {
        Comparator<Entry> byAge = Comparator.comparing(e -> e.record().addedAt());
        List<Entry> sameChain = entries.stream().filter(e -> e.record().genesisHash().equals(keep.genesisHash()))
                .sorted(byAge).toList();
        if (sameChain.size() > limits.versionsPerChain()) {
            return oldestBut(sameChain, keep);
        }
        long bytes = entries.stream().mapToLong(Entry::metadataLength).sum();
        if (entries.size() > limits.runtimes() || bytes > limits.totalBytes()) {
            return oldestBut(entries.stream().sorted(byAge).toList(), keep);
        }
        return null;
    }

    private static Entry oldestBut(List<Entry> byAge, ChainRecord keep) {
        return byAge.stream().filter(e -> !e.record().equals(keep)).findFirst().orElse(null);
    }

    private void deleteFile(ChainRecord record) {
        Path file = fileOf(record.genesisHash(), record.specVersion());
        try {
            Files.deleteIfExists(file);
            LOG.info("chain store full: dropped the metadata of {} spec version {}", record.specName(),
                    record.specVersion());
        } catch (IOException e) {
            // The entry is gone from memory; the file comes back at the next start, within the bounds again.
            LOG.warn("cannot delete {}: {}", file, e.toString());
        }
    }

    private Path fileOf(String genesisHash, long specVersion) {
        return directory.resolve(genesisHash + "-" + specVersion + ".chain");
    }

    private static List<Entry> load(Path directory, Limits limits, Clock clock) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path file : stream) {
                if (FILE_NAME.matcher(file.getFileName().toString()).matches()
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(file);
                }
            }
        }
        files.sort(Comparator.naturalOrder());
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            if (entries.size() == limits.runtimes()) {
                LOG.warn("more than {} stored runtimes in {}: the rest are not read", limits.runtimes(), directory);
                break;
            }
            Optional<ChainFile.Stored> stored = readOrMoveAside(file, clock);
            stored.ifPresent(s -> entries.add(new Entry(s.record(), s.metadata().length)));
        }
        return entries;
    }

    /** The file's content if it reads back whole and under its own name; else moved aside. */
    private static Optional<ChainFile.Stored> readOrMoveAside(Path file, Clock clock) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String defect;
        if (content.length > MAX_FILE_BYTES) {
            defect = "larger than " + MAX_FILE_BYTES + " bytes";
        } else {
            try {
                ChainFile.Stored stored = ChainFile.decode(content);
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                if (name.matches() && stored.record().genesisHash().equals(name.group(1))
                        && Long.toString(stored.record().specVersion()).equals(name.group(2))) {
                    return Optional.of(stored);
                }
                defect = "its content is for another chain or version than its name";
            } catch (ChainFile.UnreadableException e) {
                defect = e.getMessage();
            }
        }
        Path aside = CorruptFiles.moveAside(file, clock);
        LOG.warn("stored chain metadata {} is unreadable ({}); moved it to {}", file, defect, aside);
        return Optional.empty();
    }
}
