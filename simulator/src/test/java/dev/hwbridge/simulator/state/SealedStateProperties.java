package dev.hwbridge.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SealedStateProperties {

    private static final char[] PIN = "0000".toCharArray();

    @Property
    void junkIsCorrupt(@ForAll @Size(max = 300) byte[] junk) {
        assertOnlyStateErrors(junk);
    }

    /** Headers with plausible and implausible fields and a valid checksum, to reach the parser's checks. */
    @Provide
    Arbitrary<byte[]> forgedFiles() {
        Arbitrary<Integer> memory = Arbitraries.of(0, 7, 8, 64, -1, Integer.MAX_VALUE, KdfParams.MAX_MEMORY_KIB + 1);
        Arbitrary<Integer> iterations = Arbitraries.of(0, 1, 2, 65, -5);
        Arbitrary<Integer> parallelism = Arbitraries.of(0, 1, 2, 17, 255);
        Arbitrary<Integer> saltLength = Arbitraries.of(0, 15, 16, 32, 33, 255);
        Arbitrary<Integer> nonceLength = Arbitraries.of(0, 12, 13);
        Arbitrary<Integer> cipherDelta = Arbitraries.integers().between(-3, 3);
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(memory, iterations, parallelism, saltLength, nonceLength, cipherDelta, payload,
                Arbitraries.of((byte) 1, (byte) 2)).as((m, t, p, s, n, delta, body, version) -> {
                    ByteBuffer out = ByteBuffer.allocate(4096);
                    out.put(new byte[] {'H', 'W', 'B', 'S'}).put(version).put((byte) 1).putInt(m).putInt(t).put((byte) (int) p)
                            .put((byte) (int) s).put(new byte[Math.min(s, 40)]).put((byte) (int) n).put(new byte[12])
                            .putInt(body.length + delta).put(body);
                    byte[] head = Arrays.copyOf(out.array(), out.position());
                    return withChecksum(head);
                });
    }

    @Property(tries = 300)
    void forgedFilesAreCorruptOrWrongPin(@ForAll("forgedFiles") byte[] forged) {
        assertOnlyStateErrors(forged);
    }

    @Property(tries = 20)
    void anyStateRoundTrips(@ForAll @Size(max = 2000) byte[] state, @ForAll @Size(max = 12) String pin) {
        byte[] salt = new byte[SealedState.SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        KdfParams kdf = EncryptedFileStateStoreTest.FAST;
        char[] chars = pin.chars().filter(c -> !Character.isSurrogate((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray();

        byte[] sealed = SealedState.seal(state, chars, salt, kdf, new SecureRandom());

        assertThat(SealedState.open(sealed, chars)).isEqualTo(state);
        assertThat(SealedState.saltOf(sealed)).hasValueSatisfying(s -> assertThat(s).isEqualTo(salt));
    }

    private static void assertOnlyStateErrors(byte[] file) {
        try {
            SealedState.open(file, PIN);
            throw new AssertionError("a forged file opened");
        } catch (StateException e) {
            assertThat(e.code()).isIn(StateError.CORRUPT, StateError.WRONG_PIN);
        }
    }

    private static byte[] withChecksum(byte[] head) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(head);
            byte[] file = Arrays.copyOf(head, head.length + sum.length);
            System.arraycopy(sum, 0, file, head.length, sum.length);
            return file;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
