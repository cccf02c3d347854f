package dev.hwbridge.protocol.ledger;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The device's side of the sign and sign-raw chunks: an init chunk (path ‖ payload length u16
 * LE), then chunks of payload ‖ proof, the last with P1 2. The refusals, with the status words
 * the app uses: P1 other than 0/1/2 or P2 no scheme → INVALID_P1_P2; a chunk without an init, a
 * scheme or INS changing mid-request, an init of the wrong size, a blob over the limit, or a
 * blob shorter than its payload (sign raw: not exactly its length) → DATA_INVALID. A refusal
 * drops the request. Not thread-safe.
 */
public final class SignAssembler {

    private final int maxBlob;

    private int ins = -1;
    private LedgerPath path;
    private LedgerScheme scheme;
    private int payloadLength;
    private ByteArrayOutputStream blob;

    /** @param maxBlob the most payload ‖ proof bytes one request may carry */
    public SignAssembler(int maxBlob) {
        if (maxBlob < 0) {
            throw new IllegalArgumentException("maxBlob must not be negative");
        }
        this.maxBlob = maxBlob;
    }

    /**
     * Takes one sign or sign-raw chunk.
     *
     * @return the whole request after the last chunk; empty before
     */
    public Optional<SignRequest> accept(Apdu chunk) throws LedgerException {
        try {
            return read(chunk);
        } catch (LedgerException e) {
            reset();
            throw e;
        }
    }

    public void reset() {
        ins = -1;
        path = null;
        scheme = null;
        payloadLength = 0;
        blob = null;
    }

    private Optional<SignRequest> read(Apdu chunk) throws LedgerException {
        LedgerScheme chunkScheme = LedgerScheme.ofP2(chunk.p2()).orElseThrow(
                () -> new LedgerException(LedgerError.INVALID_P1_P2, "no scheme has P2 " + chunk.p2()));
        byte[] data = chunk.data();
        switch (chunk.p1()) {
            case PolkadotGenericApp.P1_INIT -> {
                reset();
                if (data.length != LedgerPath.ENCODED_SIZE + 2) {
                    throw invalid("the init chunk is path(20) ‖ length(2), not " + data.length + " bytes");
                }
                path = LedgerPath.decode(data, 0);
                payloadLength = (data[20] & 0xFF) | (data[21] & 0xFF) << 8;
                scheme = chunkScheme;
                ins = chunk.ins();
                blob = new ByteArrayOutputStream();
                return Optional.empty();
            }
            case PolkadotGenericApp.P1_ADD, PolkadotGenericApp.P1_LAST -> {
                if (blob == null) {
                    throw invalid("a chunk without an init chunk");
                }
                if (chunkScheme != scheme || chunk.ins() != ins) {
                    throw invalid("the scheme or instruction changed mid-request");
                }
                if (blob.size() + data.length > maxBlob) {
                    throw invalid("the request is over " + maxBlob + " bytes");
                }
                blob.write(data, 0, data.length);
                return chunk.p1() == PolkadotGenericApp.P1_LAST ? Optional.of(complete()) : Optional.empty();
            }
            default -> throw new LedgerException(LedgerError.INVALID_P1_P2, "no chunk kind has P1 " + chunk.p1());
        }
    }

    private SignRequest complete() throws LedgerException {
        byte[] all = blob.toByteArray();
        boolean raw = ins == PolkadotGenericApp.INS_SIGN_RAW;
        if (all.length < payloadLength || (raw && all.length != payloadLength)) {
            throw invalid("the blob has " + all.length + " bytes for a payload of " + payloadLength);
        }
        SignRequest request = new SignRequest(ins, path, scheme, Arrays.copyOf(all, payloadLength),
                Arrays.copyOfRange(all, payloadLength, all.length));
        reset();
        return request;
    }

    private static LedgerException invalid(String message) {
        return new LedgerException(LedgerError.DATA_INVALID, message);
    }
}
