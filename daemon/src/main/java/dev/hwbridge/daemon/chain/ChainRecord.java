package dev.hwbridge.daemon.chain;

import dev.hwbridge.protocol.account.Hex;
import java.time.Instant;
import java.util.Objects;

/**
 * What the daemon knows of one runtime of one chain, besides the metadata bytes themselves: the
 * chain's genesis hash, the runtime's spec name and version, its SS58 prefix, the token the user
 * gave for it, and the RFC-0078 metadata hash ({@code CheckMetadataHash}'s) of all that.
 *
 * @param genesisHash   0x-hex, 32 bytes, lower case (as {@link #canonicalHash} gives it)
 * @param specVersion   the runtime's spec version, u32
 * @param metadataHash  0x-hex, 32 bytes, lower case
 * @param tokenDecimals u8
 * @param addedAt       when it was added (the oldest goes first when the store is full)
 */
public record ChainRecord(String genesisHash, long specVersion, String specName, int ss58Format, String metadataHash,
        int tokenDecimals, String tokenSymbol, Instant addedAt) {

    /** Spec names and token symbols are short identifiers; this only bounds what is stored. */
    public static final int MAX_NAME_LENGTH = 64;

    /** @throws IllegalArgumentException for a value out of range */
    public ChainRecord {
        Objects.requireNonNull(specName, "specName");
        Objects.requireNonNull(tokenSymbol, "tokenSymbol");
        Objects.requireNonNull(addedAt, "addedAt");
        requireHash(genesisHash, "genesisHash");
        requireHash(metadataHash, "metadataHash");
        if (specVersion < 0 || specVersion > 0xffff_ffffL) {
            throw new IllegalArgumentException("specVersion is a u32");
        }
        if (ss58Format < 0 || ss58Format > 0xffff) {
            throw new IllegalArgumentException("ss58Format is a u16");
        }
        if (tokenDecimals < 0 || tokenDecimals > 0xff) {
            throw new IllegalArgumentException("tokenDecimals is a u8");
        }
        if (specName.isEmpty() || specName.length() > MAX_NAME_LENGTH
                || tokenSymbol.isEmpty() || tokenSymbol.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("specName and tokenSymbol have 1.." + MAX_NAME_LENGTH + " characters");
        }
    }

    /** Whether this is the runtime {@code specVersion} of the chain {@code genesisHash}. */
    public boolean is(String genesisHash, long specVersion) {
        return this.genesisHash.equals(genesisHash) && this.specVersion == specVersion;
    }

    /**
     * The canonical form of a 0x-hex 32-byte hash: lower case.
     *
     * @throws IllegalArgumentException when it is not 32 bytes of 0x-hex
     */
    public static String canonicalHash(String hash) {
        if (hash == null || hash.length() != 66 || !Hex.isHex(hash)) {
            throw new IllegalArgumentException("a hash is 32 bytes of 0x-hex");
        }
        return Hex.toHex(Hex.fromHex(hash));
    }

    private static void requireHash(String hash, String name) {
        if (!canonicalHash(hash).equals(hash)) {
            throw new IllegalArgumentException(name + " is 32 bytes of lower-case 0x-hex");
        }
    }
}
