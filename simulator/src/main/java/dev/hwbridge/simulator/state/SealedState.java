package dev.hwbridge.simulator.state;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The sealed form of the device state: Argon2id(PIN, salt) → AES-256-GCM. Stateless.
 *
 * <p>Layout, version 2 (integers big-endian; version 1 has the same layout and opens the same way):
 * <pre>
 *  offset      size  field
 *  0           4     magic "HWBS"
 *  4           1     version = 2
 *  5           1     KDF = 1 (Argon2id, Argon2 version 0x13)
 *  6           4     memory in KiB      ┐ bounded by {@link KdfParams};
 *  10          4     iterations         │ the cost the file was written
 *  14          1     parallelism        ┘ with, so DEFAULT can be raised
 *  15          1     salt length S (16..32)
 *  16          S     salt (per device: created once, kept across saves)
 *  16+S        1     nonce length = 12
 *  17+S        12    nonce (random, fresh on every save)
 *  29+S        4     ciphertext length C (16..MAX_STATE_BYTES+16)
 *  33+S        C     AES-256-GCM(state) ‖ 16-byte tag; the AAD is bytes [0, 33+S)
 *  33+S+C      32    SHA-256 of bytes [0, 33+S+C)
 * </pre>
 * Version 2 marks a file written since a missing PIN counter counts as every attempt spent: a
 * version-1 file was written when the counter file appeared only after the first wrong PIN
 * (see {@link #predatesCounterRule}). The version is in the AAD, so a file edited to claim
 * version 1 opens with no PIN at all.
 * The trailing SHA-256 is a checksum, not a MAC (GCM authenticates): it tells a damaged file
 * ({@code CORRUPT}) from an intact one the PIN does not open ({@code WRONG_PIN}), since a
 * GCM tag alone fails the same way for both.
 *
 * <p>The PIN is encoded as UTF-8 and that copy is zeroed after the KDF. The derived key lives on
 * in the JDK's {@link SecretKeySpec}, which cannot be cleared; our copy is zeroed.
 */
final class SealedState {

    static final int SALT_BYTES = 32;
    static final int MAX_SEALED_BYTES = 16 + SALT_BYTES + 1 + 12 + 4 + StateStore.MAX_STATE_BYTES + 16 + 32;

    private static final byte[] MAGIC = {'H', 'W', 'B', 'S'};
    private static final int VERSION = 2;
    private static final int VERSION_BEFORE_COUNTER_RULE = 1;
    private static final int KDF_ARGON2ID = 1;
    private static final int MIN_SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int CHECKSUM_BYTES = 32;
    private static final int KEY_BYTES = 32;

    private SealedState() {
    }

    /** The fields of a sealed file whose checksum matched. */
    private record Parsed(int version, KdfParams kdf, byte[] salt, byte[] nonce, byte[] aad, byte[] ciphertext) {
    }

    /** Seals {@code state} under {@code pin}. */
    static byte[] seal(byte[] state, char[] pin, byte[] salt, KdfParams kdf, SecureRandom random) {
        if (state.length > StateStore.MAX_STATE_BYTES) {
            throw new IllegalArgumentException("state larger than " + StateStore.MAX_STATE_BYTES + " bytes");
        }
        if (salt.length < MIN_SALT_BYTES || salt.length > SALT_BYTES) {
            throw new IllegalArgumentException("salt must be " + MIN_SALT_BYTES + ".." + SALT_BYTES + " bytes");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        int cipherLength = state.length + TAG_BITS / 8;
        ByteBuffer out = ByteBuffer.allocate(33 + salt.length + cipherLength + CHECKSUM_BYTES);
        out.put(MAGIC).put((byte) VERSION).put((byte) KDF_ARGON2ID)
                .putInt(kdf.memoryKiB()).putInt(kdf.iterations()).put((byte) kdf.parallelism())
                .put((byte) salt.length).put(salt)
                .put((byte) NONCE_BYTES).put(nonce)
                .putInt(cipherLength);
        byte[] aad = Arrays.copyOf(out.array(), out.position());
        out.put(crypt(Cipher.ENCRYPT_MODE, pin, kdf, salt, nonce, aad, state));
        out.put(sha256(out.array(), out.position()));
        return out.array();
    }

    /**
     * Opens a sealed file.
     *
     * @throws StateException {@code CORRUPT} for a damaged or unknown file, {@code WRONG_PIN} for
     *         an intact one {@code pin} does not open
     */
    static byte[] open(byte[] sealed, char[] pin) {
        Parsed parsed = parse(sealed);
        return crypt(Cipher.DECRYPT_MODE, pin, parsed.kdf(), parsed.salt(), parsed.nonce(), parsed.aad(),
                parsed.ciphertext());
    }

    /** The salt of an intact sealed file, to keep it across saves. */
    static Optional<byte[]> saltOf(byte[] sealed) {
        try {
            return Optional.of(parse(sealed).salt());
        } catch (StateException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether an intact sealed file was written before the counter became mandatory (version 1):
     * such a device may lawfully have no counter file yet. A damaged file is not.
     */
    static boolean predatesCounterRule(byte[] sealed) {
        try {
            return parse(sealed).version() == VERSION_BEFORE_COUNTER_RULE;
        } catch (StateException e) {
            return false;
        }
    }

    private static Parsed parse(byte[] sealed) {
        if (sealed.length < 33 + MIN_SALT_BYTES + TAG_BITS / 8 + CHECKSUM_BYTES || sealed.length > MAX_SEALED_BYTES) {
            throw corrupt("state file has an impossible length");
        }
        int body = sealed.length - CHECKSUM_BYTES;
        if (!MessageDigest.isEqual(sha256(sealed, body), Arrays.copyOfRange(sealed, body, sealed.length))) {
            throw corrupt("state file checksum mismatch");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed, 0, body);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt("not a state file (bad magic)");
            }
            int version = in.get();
            if (version != VERSION && version != VERSION_BEFORE_COUNTER_RULE) {
                throw corrupt("unsupported state file version");
            }
            if (in.get() != KDF_ARGON2ID) {
                throw corrupt("unsupported key derivation");
            }
            KdfParams kdf = kdfParams(in.getInt(), in.getInt(), Byte.toUnsignedInt(in.get()));
            int saltLength = Byte.toUnsignedInt(in.get());
            if (saltLength < MIN_SALT_BYTES || saltLength > SALT_BYTES) {
                throw corrupt("bad salt length");
            }
            byte[] salt = new byte[saltLength];
            in.get(salt);
            if (in.get() != NONCE_BYTES) {
                throw corrupt("bad nonce length");
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            int cipherLength = in.getInt();
            byte[] aad = Arrays.copyOf(sealed, in.position());
            if (cipherLength != in.remaining() || cipherLength < TAG_BITS / 8) {
                throw corrupt("bad ciphertext length");
            }
            byte[] ciphertext = new byte[cipherLength];
            in.get(ciphertext);
            return new Parsed(version, kdf, salt, nonce, aad, ciphertext);
        } catch (BufferUnderflowException e) {
            throw corrupt("state file truncated");
        }
    }

    private static KdfParams kdfParams(int memoryKiB, int iterations, int parallelism) {
        try {
            return new KdfParams(memoryKiB, iterations, parallelism);
        } catch (IllegalArgumentException e) {
            throw corrupt("key derivation parameters out of bounds");
        }
    }

    private static byte[] crypt(int mode, char[] pin, KdfParams kdf, byte[] salt, byte[] nonce, byte[] aad,
            byte[] input) {
        byte[] key = deriveKey(pin, kdf, salt);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            // The checksum matched, so the file is as written: the key, hence the PIN, is wrong.
            throw new StateException(StateError.WRONG_PIN, "the PIN does not open the state");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] deriveKey(char[] pin, KdfParams kdf, byte[] salt) {
        byte[] password = utf8(pin);
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(kdf.memoryKiB())
                .withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism())
                .build();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            byte[] key = new byte[KEY_BYTES];
            generator.generateBytes(password, key);
            return key;
        } finally {
            Arrays.fill(password, (byte) 0);
            params.clear();
        }
    }

    private static byte[] utf8(char[] pin) {
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(pin));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the PIN is not valid Unicode text");
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static StateException corrupt(String message) {
        return new StateException(StateError.CORRUPT, message);
    }
}
