package dev.hwbridge.daemon.chain;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored runtimes, merkleized when a signature needs them. Merkleizing a chain's metadata
 * takes about a second and holds its type tree in memory, so the {@value #SIZE} used last are
 * kept (a wallet signs for one or two chains at a time), the others read again from the store.
 * Thread-safe.
 */
public final class RuntimeCache {

    static final int SIZE = 2;

    /** A runtime's record and its merkleized metadata. */
    public record Runtime(ChainRecord record, Merkleizer merkleizer) {
    }

    private final ChainStore store;
    private final Deque<Runtime> recent = new ArrayDeque<>(SIZE);

    public RuntimeCache(ChainStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The runtimes held for a chain, newest spec version first. */
    public List<ChainRecord> versions(String genesisHash) {
        return store.versions(genesisHash);
    }

    /**
     * The merkleized metadata of a stored runtime; empty when it is no longer stored or its file
     * no longer reads back (then moved aside by the store).
     *
     * @throws IllegalStateException when the stored metadata does not give the stored hash (the
     *                               file was replaced by another one that checks out)
     */
    public synchronized Optional<Runtime> runtime(ChainRecord record) {
        for (Runtime runtime : recent) {
            if (runtime.record().equals(record)) {
                recent.remove(runtime);
                recent.addFirst(runtime);
                return Optional.of(runtime);
            }
        }
        Optional<byte[]> metadata = store.metadata(record);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        Merkleizer merkleizer = Merkleizer.of(metadata.get(), record.tokenDecimals(), record.tokenSymbol());
        if (!Hex.toHex(merkleizer.metadataHash()).equals(record.metadataHash())) {
            throw new IllegalStateException("the stored metadata of " + record.specName() + " " + record.specVersion()
                    + " no longer gives its recorded metadata hash");
        }
        Runtime runtime = new Runtime(record, merkleizer);
        if (recent.size() == SIZE) {
            recent.removeLast();
        }
        recent.addFirst(runtime);
        return Optional.of(runtime);
    }
}
