package dev.hwbridge.simulator.keys.sr25519;

import cafe.cryptography.curve25519.CompressedRistretto;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.InvalidEncodingException;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;
import java.util.Optional;

/** The few Ristretto255 operations sr25519 needs, on top of curve25519-elisabeth. */
final class Ristretto {

    static final int POINT_BYTES = 32;

    private Ristretto() {
    }

    /** scalar · B, compressed. */
    static byte[] basepointTimes(Scalar scalar) {
        return Constants.RISTRETTO_GENERATOR_TABLE.multiply(scalar).compress().toByteArray();
    }

    static RistrettoElement basepointTimesElement(Scalar scalar) {
        return Constants.RISTRETTO_GENERATOR_TABLE.multiply(scalar);
    }

    /** The point a 32-byte encoding stands for, or empty when it is not a canonical Ristretto encoding. */
    static Optional<RistrettoElement> decompress(byte[] encoding) {
        try {
            return Optional.of(new CompressedRistretto(encoding).decompress());
        } catch (InvalidEncodingException notAPoint) {
            // Any 32 bytes may come from outside; "not a point" is an answer here, not a failure.
            return Optional.empty();
        }
    }
}
