package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.SignPayload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes the device signs for a payload, as polkadot-js does: a transaction payload over 256
 * bytes is replaced by its blake2b-256; a raw message is wrapped in {@code <Bytes>…</Bytes>}
 * unless it already starts and ends with those tags, and is never hashed. Stateless.
 */
final class SigningMessage {

    /** Longer transaction payloads are hashed first (polkadot-js types, extrinsic/util). */
    static final int MAX_UNHASHED = 256;
    static final byte[] PREFIX = "<Bytes>".getBytes(StandardCharsets.US_ASCII);
    static final byte[] POSTFIX = "</Bytes>".getBytes(StandardCharsets.US_ASCII);

    private SigningMessage() {
    }

    /** @throws FlowFailure INVALID_PAYLOAD for an empty payload, INVALID_REQUEST for an unknown kind */
    static byte[] of(SignPayload.Kind kind, byte[] payload) {
        if (payload.length == 0) {
            throw new FlowFailure(Failure.Code.INVALID_PAYLOAD, "the payload is empty");
        }
        return switch (kind) {
            case TRANSACTION -> payload.length > MAX_UNHASHED ? Blake2b.hash256(payload) : payload.clone();
            case RAW -> isWrapped(payload) ? payload.clone() : wrap(payload);
            case KIND_UNSPECIFIED, UNRECOGNIZED -> throw new FlowFailure(Failure.Code.INVALID_REQUEST,
                    "the payload kind is unspecified or unknown");
        };
    }

    /** polkadot-js {@code u8aIsWrapped}: long enough for both tags, starts with one and ends with the other. */
    static boolean isWrapped(byte[] message) {
        return message.length >= PREFIX.length + POSTFIX.length
                && Arrays.equals(message, 0, PREFIX.length, PREFIX, 0, PREFIX.length)
                && Arrays.equals(message, message.length - POSTFIX.length, message.length, POSTFIX, 0, POSTFIX.length);
    }

    private static byte[] wrap(byte[] payload) {
        byte[] wrapped = new byte[PREFIX.length + payload.length + POSTFIX.length];
        System.arraycopy(PREFIX, 0, wrapped, 0, PREFIX.length);
        System.arraycopy(payload, 0, wrapped, PREFIX.length, payload.length);
        System.arraycopy(POSTFIX, 0, wrapped, PREFIX.length + payload.length, POSTFIX.length);
        return wrapped;
    }
}
