package dev.hwbridge.daemon.payload;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the device is asked to sign for a polkadot-js signer payload. Immutable: the array is
 * copied in and out.
 *
 * @param kind    a transaction signing payload, or a raw message
 * @param address the signer's address as the payload names it (SS58)
 * @param payload for {@link Kind#TRANSACTION} the SCALE signing payload (not yet hashed: the
 *                signer hashes one longer than 256 bytes); for {@link Kind#RAW} the message bytes
 *                as given (not yet wrapped in {@code <Bytes>…</Bytes>}: the signer does that)
 * @param unknownExtensions signed extensions read as carrying nothing because polkadot-js does not
 *                know them (printable, bounded names); the device shows them
 */
public record SigningRequest(Kind kind, String address, byte[] payload, List<String> unknownExtensions) {

    /** The two kinds of signing Substrate, polkadot-js and the Ledger app know. */
    public enum Kind {
        /** A {@code SignerPayloadJSON}: the bytes of an extrinsic signing payload. */
        TRANSACTION,
        /** A {@code SignerPayloadRaw}: a message signed as {@code signRaw} does. */
        RAW
    }

    public SigningRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        payload = Objects.requireNonNull(payload, "payload").clone();
        unknownExtensions = List.copyOf(unknownExtensions);
    }

    /** A request with every extension known (and every raw message). */
    public SigningRequest(Kind kind, String address, byte[] payload) {
        this(kind, address, payload, List.of());
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningRequest other && kind == other.kind && address.equals(other.address)
                && Arrays.equals(payload, other.payload) && unknownExtensions.equals(other.unknownExtensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, address) * 31 + Arrays.hashCode(payload);
    }

    /** Payloads are never logged, so only their length shows. */
    @Override
    public String toString() {
        return "SigningRequest[kind=" + kind + ", address=" + address + ", payload=" + payload.length + " bytes]";
    }
}
