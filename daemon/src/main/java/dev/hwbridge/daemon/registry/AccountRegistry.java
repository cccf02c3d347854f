package dev.hwbridge.daemon.registry;

import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Ss58;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts the user derived with a name or restored, kept in {@code <dataDir>/accounts.json}.
 * Every change is written through at once, atomically ({@link AtomicFile}); an unreadable file
 * found at open is moved aside to {@code accounts.json.corrupt-<UTC timestamp>} with a warning and
 * the registry starts empty, so nothing is ever silently lost. Thread-safe.
 */
public final class AccountRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRegistry.class);

    public static final String FILE_NAME = "accounts.json";
    /** Larger files are not read (treated as corrupt): 16 MiB holds far more accounts than anyone has. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    /** How a new file content reaches the disk; tests inject failures here. */
    @FunctionalInterface
    interface Writer {
        void write(Path target, byte[] content) throws IOException;
    }

    private final Path file;
    private final Writer writer;
    private final List<AccountRecord> accounts;

    private AccountRegistry(Path file, Writer writer, List<AccountRecord> accounts) {
        this.file = file;
        this.writer = writer;
        this.accounts = accounts;
    }

    /**
     * Opens (creating the directory if needed) the registry in {@code dataDir}.
     *
     * @throws UncheckedIOException when the directory or file cannot be read, or a corrupt file
     *                              cannot be moved aside (the registry then refuses to start
     *                              rather than overwrite it)
     */
    public static AccountRegistry open(Path dataDir) {
        return open(dataDir, Clock.systemUTC(), AtomicFile::write);
    }

    static AccountRegistry open(Path dataDir, Clock clock, Writer writer) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE_NAME);
            return new AccountRegistry(file, writer, load(file, clock));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the account registry in " + dataDir, e);
        }
    }

    /** The registry file. */
    public Path file() {
        return file;
    }

    /** All records, in the order they were first added. */
    public synchronized List<AccountRecord> list() {
        return List.copyOf(accounts);
    }

    /**
     * The first record whose account id is the one {@code address} encodes, whatever its SS58
     * prefix; an {@code 0x} Ethereum address (in any valid case) finds the ethereum record of
     * those 20 bytes. Empty when none matches or {@code address} is neither.
     */
    public synchronized Optional<AccountRecord> find(String address) {
        byte[] accountId = accountIdOf(address);
        if (accountId == null) {
            return Optional.empty();
        }
        for (AccountRecord record : accounts) {
            if (Arrays.equals(record.accountId(), accountId)) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds {@code record}, replacing (in place) a record of the same account id and scheme, and
     * writes the file.
     *
     * @throws UncheckedIOException if the file cannot be written; the registry is then unchanged
     */
    public synchronized void put(AccountRecord record) {
        putAll(List.of(record));
    }

    /**
     * Adds every record in order as {@link #put} does, and writes the file once: a restore of many
     * accounts costs one synced write, not one per account.
     *
     * @throws UncheckedIOException if the file cannot be written; the registry is then unchanged
     */
    public synchronized void putAll(List<AccountRecord> records) {
        List<AccountRecord> next = new ArrayList<>(accounts);
        for (AccountRecord record : records) {
            Objects.requireNonNull(record, "record");
            int existing = -1;
            for (int i = 0; i < next.size() && existing < 0; i++) {
                if (next.get(i).sameAccount(record)) {
                    existing = i;
                }
            }
            if (existing >= 0) {
                next.set(existing, record);
            } else {
                next.add(record);
            }
        }
        commit(next);
    }

    /**
     * Removes every record (of any scheme) whose account id {@code address} encodes and writes the
     * file.
     *
     * @return whether anything was removed
     * @throws UncheckedIOException if the file cannot be written; the registry is then unchanged
     */
    public synchronized boolean remove(String address) {
        byte[] accountId = accountIdOf(address);
        if (accountId == null) {
            return false;
        }
        List<AccountRecord> next = new ArrayList<>(accounts);
        boolean removed = next.removeIf(record -> Arrays.equals(record.accountId(), accountId));
        if (removed) {
            commit(next);
        }
        return removed;
    }

    private void commit(List<AccountRecord> next) {
        try {
            writer.write(file, RegistryFile.encode(next));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the account registry " + file, e);
        }
        accounts.clear();
        accounts.addAll(next);
    }

    /** The 32-byte account id of an SS58 address, or the 20 bytes of an Ethereum one (never equal lengths). */
    private static byte[] accountIdOf(String address) {
        try {
            return EthereumAddress.isHexForm(address) ? EthereumAddress.parse(address) : Ss58.decode(address).accountId();
        } catch (FormatException e) {
            return null;
        }
    }

    private static List<AccountRecord> load(Path file, Clock clock) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
        String defect;
        if (content.length > MAX_FILE_BYTES) {
            defect = "larger than " + MAX_FILE_BYTES + " bytes";
        } else {
            try {
                return new ArrayList<>(RegistryFile.decode(content));
            } catch (RegistryFile.UnreadableException e) {
                defect = e.getMessage();
            }
        }
        Path aside = CorruptFiles.moveAside(file, clock);
        LOG.warn("account registry {} is unreadable ({}); moved it to {} and starting with an empty registry",
                file, defect, aside);
        return new ArrayList<>();
    }
}
