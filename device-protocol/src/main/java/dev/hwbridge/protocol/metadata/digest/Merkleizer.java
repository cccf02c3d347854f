package dev.hwbridge.protocol.metadata.digest;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.frame.ConstantValues;
import dev.hwbridge.protocol.metadata.frame.MetadataReader;
import dev.hwbridge.protocol.metadata.frame.RuntimeMetadata;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.RfcCodec;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC-0078 for one runtime's metadata, as {@code merkleizeMetadata(bytes, {decimals, tokenSymbol})}
 * of {@code @polkadot-api/merkleize-metadata} 1.3.0: the type information leaves, their merkle
 * tree, the extrinsic metadata, the extra information and the digest. Immutable once built.
 */
public final class Merkleizer {

    /** A token symbol is a few letters; this bound only keeps the digest small. */
    public static final int MAX_TOKEN_SYMBOL_BYTES = 128;

    private final List<TypeLeaf> leaves;
    private final List<byte[]> encodedLeaves;
    private final MerkleTree tree;
    private final ExtrinsicMetadata extrinsic;
    private final ExtraInfo extraInfo;
    private final MetadataDigest digest;

    private Merkleizer(List<TypeLeaf> leaves, List<byte[]> encodedLeaves, MerkleTree tree,
            ExtrinsicMetadata extrinsic, ExtraInfo extraInfo) {
        this.leaves = leaves;
        this.encodedLeaves = encodedLeaves;
        this.tree = tree;
        this.extrinsic = extrinsic;
        this.extraInfo = extraInfo;
        this.digest = MetadataDigest.of(tree.root(), extrinsic, extraInfo);
    }

    /** Reads the metadata (bare or in the runtime call's Option) and merkleizes it. */
    public static Merkleizer of(byte[] metadata, int decimals, String tokenSymbol) {
        return of(MetadataReader.read(metadata), decimals, tokenSymbol);
    }

    /**
     * @param decimals    the native token's decimals (0–255)
     * @param tokenSymbol the native token's symbol, e.g. {@code DOT}
     */
    public static Merkleizer of(RuntimeMetadata metadata, int decimals, String tokenSymbol) {
        if (decimals < 0 || decimals > 255) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED, "decimals must be 0 to 255");
        }
        if (tokenSymbol.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_SYMBOL_BYTES) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED,
                    "the token symbol is longer than " + MAX_TOKEN_SYMBOL_BYTES + " bytes");
        }
        ConstantValues.SpecVersion version = ConstantValues.specVersion(metadata);
        ExtraInfo info = new ExtraInfo(version.specVersion(), version.specName(),
                ConstantValues.ss58Prefix(metadata), decimals, tokenSymbol);
        TypeTreeBuilder.TypeTree typeTree = TypeTreeBuilder.build(metadata);
        List<TypeLeaf> leaves = typeTree.leaves();
        List<byte[]> encoded = new ArrayList<>(leaves.size());
        List<byte[]> hashes = new ArrayList<>(leaves.size());
        for (TypeLeaf leaf : leaves) {
            byte[] bytes = RfcCodec.encode(leaf);
            encoded.add(bytes);
            hashes.add(Blake3.hash(bytes));
        }
        return new Merkleizer(List.copyOf(leaves), encoded, MerkleTree.ofLeafHashes(hashes),
                typeTree.extrinsic(), info);
    }

    public MetadataDigest digest() {
        return digest;
    }

    /** The metadata hash, 32 bytes. */
    public byte[] metadataHash() {
        return digest.hash();
    }

    public ExtrinsicMetadata extrinsicMetadata() {
        return extrinsic;
    }

    public ExtraInfo extraInfo() {
        return extraInfo;
    }

    /** The leaves in tree order. */
    public List<TypeLeaf> leaves() {
        return leaves;
    }

    /** The SCALE bytes of leaf {@code index}. */
    public byte[] encodedLeaf(int index) {
        return encodedLeaves.get(index).clone();
    }

    public MerkleTree tree() {
        return tree;
    }
}
