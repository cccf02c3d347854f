package dev.hwbridge.protocol.metadata.types;

/** What the digest holds beside the two hashes: the runtime's version and the chain's token. */
public record ExtraInfo(long specVersion, String specName, int base58Prefix, int decimals, String tokenSymbol) {
}
