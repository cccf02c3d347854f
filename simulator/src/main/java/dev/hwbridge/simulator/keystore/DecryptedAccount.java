package dev.hwbridge.simulator.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.KeyScheme;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a polkadot-js JSON account file holds once opened.
 *
 * <p>{@code secret} is in the pkcs8 form: 64 bytes for today's sr25519 (scalar×8 ‖ nonce) and
 * ed25519 (seed ‖ public key) files; 32 bytes for ecdsa (the private key) and for generation-1/2
 * sr25519/ed25519 files (a seed: the sr25519 mini-secret or the ed25519 seed, which the keys layer
 * expands as polkadot-js does); empty for public-only (hardware/external) files.
 * {@code publicKey} is 32 bytes, or the 33-byte compressed key for ecdsa. {@code address} is the
 * file's own address text; {@code meta} a copy of its {@code meta} object.
 *
 * <p>Accessors return copies; the caller zeroes the secret it got, and {@link #close()} zeroes the
 * one held here. toString never shows the secret. Immutable apart from close().
 */
public record DecryptedAccount(KeyScheme scheme, byte[] secret, byte[] publicKey, String address, JsonNode meta)
        implements AutoCloseable {

    public DecryptedAccount {
        Objects.requireNonNull(scheme, "scheme");
        secret = secret.clone();
        publicKey = publicKey.clone();
        Objects.requireNonNull(address, "address");
        meta = meta.deepCopy();
    }

    /** A fresh copy the caller must zero; empty for a public-only file. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public JsonNode meta() {
        return meta.deepCopy();
    }

    /** True for a hardware/external file that carries no secret. */
    public boolean isPublicOnly() {
        return secret.length == 0;
    }

    /** Zeroes the secret held by this record. */
    @Override
    public void close() {
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecryptedAccount that
                && scheme == that.scheme
                && MessageDigest.isEqual(secret, that.secret)
                && Arrays.equals(publicKey, that.publicKey)
                && address.equals(that.address)
                && meta.equals(that.meta);
    }

    @Override
    public int hashCode() {
        // The secret stays out of the hash; equal records still hash alike.
        return Objects.hash(scheme, Arrays.hashCode(publicKey), address, meta);
    }

    @Override
    public String toString() {
        return "DecryptedAccount[scheme=" + scheme + ", address=" + address
                + ", secret=" + secret.length + " bytes, publicKey=" + publicKey.length + " bytes]";
    }
}
