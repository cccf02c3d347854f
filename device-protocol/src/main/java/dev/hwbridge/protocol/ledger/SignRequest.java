package dev.hwbridge.protocol.ledger;

import java.util.Objects;

/**
 * A whole sign or sign-raw request as the device has it after the last chunk.
 *
 * @param ins     {@link PolkadotGenericApp#INS_SIGN} or {@link PolkadotGenericApp#INS_SIGN_RAW}
 * @param payload the signing payload (sign) or the wrapped message (sign raw)
 * @param proof   the metadata proof after the payload; empty for sign raw
 */
public record SignRequest(int ins, LedgerPath path, LedgerScheme scheme, byte[] payload, byte[] proof) {

    public SignRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scheme, "scheme");
        payload = payload.clone();
        proof = proof.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] proof() {
        return proof.clone();
    }

    @Override
    public String toString() {
        return "SignRequest[ins=" + ins + ", " + path + ", " + scheme + ", " + payload.length + " + " + proof.length + " bytes]";
    }
}
