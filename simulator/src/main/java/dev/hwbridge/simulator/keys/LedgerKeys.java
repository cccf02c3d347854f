package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * A key of Ledger's Polkadot Generic app, derived from the 64-byte BIP39 seed as the Ledger
 * derives it: ed25519 by BIP32-Ed25519 (its kL used as the ed25519 seed, as {@code hdLedger}
 * does), ecdsa by BIP32 secp256k1 ({@code hdEthereum}). Signs as the app signs. Holds the secret
 * until {@link #close()}; thread-safe.
 */
public final class LedgerKeys implements AutoCloseable {

    /** Payloads longer than this are signed as their blake2b-256. */
    public static final int MAX_DIRECT_PAYLOAD = 256;

    private final LedgerScheme scheme;
    private final Ed25519Keys ed25519;
    private final byte[] ecdsaSecret;
    private final byte[] publicKey;
    private boolean closed;

    private LedgerKeys(LedgerScheme scheme, Ed25519Keys ed25519, byte[] ecdsaSecret) {
        this.scheme = scheme;
        this.ed25519 = ed25519;
        this.ecdsaSecret = ecdsaSecret;
        this.publicKey = ed25519 != null ? ed25519.publicKey() : Secp256k1.publicKey(ecdsaSecret);
    }

    /** The key at {@code path} of a 64-byte BIP39 seed (not kept). */
    public static LedgerKeys derive(byte[] bip39Seed, LedgerScheme scheme, LedgerPath path) {
        Objects.requireNonNull(bip39Seed, "bip39Seed");
        Objects.requireNonNull(path, "path");
        if (bip39Seed.length != 64) {
            throw new IllegalArgumentException("a BIP39 seed has 64 bytes");
        }
        if (scheme == LedgerScheme.ED25519) {
            byte[] key = Bip32Ed25519.master(bip39Seed);
            for (int element : path.elements()) {
                byte[] child = Bip32Ed25519.deriveHardened(key, element);
                Arrays.fill(key, (byte) 0);
                key = child;
            }
            byte[] seed = Arrays.copyOf(key, 32);
            Arrays.fill(key, (byte) 0);
            try {
                return new LedgerKeys(scheme, Ed25519Keys.fromSeed(seed), null);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        byte[] key = Bip32Secp256k1.master(bip39Seed);
        for (int element : path.elements()) {
            byte[] child = Bip32Secp256k1.derive(key, element);
            Arrays.fill(key, (byte) 0);
            key = child;
        }
        byte[] secret = Arrays.copyOf(key, 32);
        Arrays.fill(key, (byte) 0);
        return new LedgerKeys(scheme, null, secret);
    }

    public LedgerScheme scheme() {
        return scheme;
    }

    /** 32 bytes (ed25519) or 33, compressed (ecdsa). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 20-byte Ethereum address of an ecdsa key: the last 20 bytes of keccak-256(uncompressed x ‖ y). */
    public byte[] ethereumAddress() {
        if (scheme != LedgerScheme.ECDSA) {
            throw new IllegalStateException("only an ecdsa key has an Ethereum address");
        }
        try {
            return EthereumAddress.ofPublicKey(publicKey);
        } catch (FormatException e) {
            throw new IllegalStateException("a derived secp256k1 key is always a point of the curve", e);
        }
    }

    /**
     * The app's signature: ed25519 → 0x00 ‖ 64 bytes over the payload (its blake2b-256 when
     * longer than 256 bytes); ecdsa → r ‖ s ‖ v (recovery id 0/1) over keccak-256 of the payload
     * (of its blake2b-256 when longer than 256 bytes).
     */
    public synchronized byte[] sign(byte[] payload) {
        if (closed) {
            throw new IllegalStateException("the key is closed");
        }
        byte[] message = payload.length > MAX_DIRECT_PAYLOAD ? Blake2b.hash256(payload) : payload;
        if (scheme == LedgerScheme.ED25519) {
            byte[] signature = ed25519.sign(message);
            byte[] out = new byte[65];
            System.arraycopy(signature, 0, out, 1, 64);
            return out;
        }
        return Secp256k1.sign(ecdsaSecret, keccak256(message));
    }

    /**
     * Whether {@code signature} is what the app answers for {@code payload} signed by
     * {@code publicKey}: the same hashing as {@link #sign}; for ecdsa the recovery id must recover
     * the key too. False, never an exception, for malformed input.
     */
    public static boolean verify(LedgerScheme scheme, byte[] publicKey, byte[] payload, byte[] signature) {
        if (signature.length != 65) {
            return false;
        }
        byte[] message = payload.length > MAX_DIRECT_PAYLOAD ? Blake2b.hash256(payload) : payload;
        if (scheme == LedgerScheme.ED25519) {
            return signature[0] == 0 && Ed25519Keys.verify(publicKey, message, Arrays.copyOfRange(signature, 1, 65));
        }
        byte[] hash = keccak256(message);
        byte[] recovered = Secp256k1.recover(hash, new java.math.BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
                new java.math.BigInteger(1, Arrays.copyOfRange(signature, 32, 64)), signature[64] & 0x03);
        return Secp256k1.verify(publicKey, hash, signature) && Arrays.equals(recovered, publicKey);
    }

    public static byte[] keccak256(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ed25519 != null) {
            ed25519.close();
        }
        if (ecdsaSecret != null) {
            Arrays.fill(ecdsaSecret, (byte) 0);
        }
    }
}
