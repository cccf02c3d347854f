package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.state.StateError;
import dev.hwbridge.simulator.state.StateException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The device state as the bytes the {@link dev.hwbridge.simulator.state.StateStore} seals.
 * Stateless.
 *
 * <p>Layout, version 1 (lengths are one unsigned byte):
 * <pre>
 *  "HWDV" ‖ version = 1 ‖ identity count N (0..16)
 *  N times:
 *    name length L (1..64) ‖ name (UTF-8) ‖ kind
 *    kind 1, seed:          entropy length E (16, 20, 24, 28, 32) ‖ entropy
 *    kind 2, imported key:  scheme (1 sr25519, 2 ed25519, 3 ecdsa, as in device.proto)
 *                           ‖ secret length S ‖ pkcs8 secret (64, 64, 32 bytes)
 *                           ‖ public key length P ‖ public key (32, 32, 33 bytes)
 * </pre>
 * Nothing may follow. Any other byte is {@code StateException CORRUPT}, whose message names the
 * field, never its content. Names are unique.
 */
final class StateCodec {

    private static final byte[] MAGIC = {'H', 'W', 'D', 'V'};
    private static final int VERSION = 1;
    private static final int KIND_SEED = 1;
    private static final int KIND_KEY = 2;

    private StateCodec() {
    }

    static byte[] encode(DeviceState state) {
        ByteBuffer out = ByteBuffer.allocate(size(state));
        out.put(MAGIC).put((byte) VERSION).put((byte) state.identities().size());
        for (Identity identity : state.identities()) {
            byte[] name = identity.name().getBytes(StandardCharsets.UTF_8);
            out.put((byte) name.length).put(name);
            if (identity.secret() instanceof IdentitySecret.Seed seed) {
                byte[] entropy = seed.entropy();
                out.put((byte) KIND_SEED).put((byte) entropy.length).put(entropy);
                Arrays.fill(entropy, (byte) 0);
            } else if (identity.secret() instanceof IdentitySecret.ImportedKey key) {
                byte[] secret = key.pkcs8Secret();
                byte[] publicKey = key.publicKey();
                out.put((byte) KIND_KEY).put((byte) schemeNumber(key.scheme()))
                        .put((byte) secret.length).put(secret)
                        .put((byte) publicKey.length).put(publicKey);
                Arrays.fill(secret, (byte) 0);
            }
        }
        return out.array();
    }

    /**
     * @throws StateException CORRUPT unless {@code bytes} is exactly one valid state
     */
    static DeviceState decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Identity> identities = new ArrayList<>();
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt("not a device state (bad magic)");
            }
            if (in.get() != VERSION) {
                throw corrupt("unsupported device state version");
            }
            int count = u8(in);
            if (count > DeviceState.MAX_IDENTITIES) {
                throw corrupt("too many identities");
            }
            for (int i = 0; i < count; i++) {
                Identity identity = identity(in);
                if (identities.stream().anyMatch(known -> known.name().equals(identity.name()))) {
                    identity.secret().destroy();
                    throw corrupt("two identities share a name");
                }
                identities.add(identity);
            }
            if (in.hasRemaining()) {
                throw corrupt("bytes after the last identity");
            }
            return new DeviceState(identities);
        } catch (BufferUnderflowException e) {
            identities.forEach(identity -> identity.secret().destroy());
            throw corrupt("device state truncated");
        } catch (StateException e) {
            identities.forEach(identity -> identity.secret().destroy());
            throw e;
        }
    }

    private static Identity identity(ByteBuffer in) {
        String name = name(in);
        int kind = u8(in);
        if (kind == KIND_SEED) {
            int length = u8(in);
            if (length < 16 || length > 32 || length % 4 != 0) {
                throw corrupt("bad seed length");
            }
            byte[] entropy = take(in, length);
            try {
                return new Identity(name, new IdentitySecret.Seed(entropy));
            } finally {
                Arrays.fill(entropy, (byte) 0);
            }
        }
        if (kind == KIND_KEY) {
            KeyScheme scheme = scheme(u8(in));
            byte[] secret = take(in, expect(u8(in), scheme == KeyScheme.ECDSA ? 32 : 64, "bad key secret length"));
            try {
                byte[] publicKey = take(in, expect(u8(in), scheme == KeyScheme.ECDSA ? 33 : 32, "bad public key length"));
                return new Identity(name, new IdentitySecret.ImportedKey(scheme, secret, publicKey));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
        throw corrupt("unknown identity kind");
    }

    private static String name(ByteBuffer in) {
        int length = u8(in);
        if (length < 1 || length > IdentityNames.MAX_BYTES) {
            throw corrupt("bad identity name length");
        }
        byte[] raw = take(in, length);
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt("identity name is not UTF-8");
        }
        if (!name.equals(name.strip()) || name.isEmpty() || !IdentityNames.isPrintable(name)) {
            throw corrupt("bad identity name");
        }
        return name;
    }

    private static int size(DeviceState state) {
        int size = MAGIC.length + 2;
        for (Identity identity : state.identities()) {
            size += 1 + identity.name().getBytes(StandardCharsets.UTF_8).length + 1;
            if (identity.secret() instanceof IdentitySecret.Seed seed) {
                size += 1 + seed.wordCount() * 4 / 3;
            } else if (identity.secret() instanceof IdentitySecret.ImportedKey key) {
                size += 1 + 1 + (key.scheme() == KeyScheme.ECDSA ? 32 : 64) + 1 + (key.scheme() == KeyScheme.ECDSA ? 33 : 32);
            }
        }
        return size;
    }

    private static int schemeNumber(KeyScheme scheme) {
        return switch (scheme) {
            case SR25519 -> 1;
            case ED25519 -> 2;
            case ECDSA -> 3;
        };
    }

    private static KeyScheme scheme(int number) {
        return switch (number) {
            case 1 -> KeyScheme.SR25519;
            case 2 -> KeyScheme.ED25519;
            case 3 -> KeyScheme.ECDSA;
            default -> throw corrupt("unknown key scheme");
        };
    }

    private static int expect(int actual, int expected, String message) {
        if (actual != expected) {
            throw corrupt(message);
        }
        return actual;
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static int u8(ByteBuffer in) {
        return Byte.toUnsignedInt(in.get());
    }

    private static StateException corrupt(String message) {
        return new StateException(StateError.CORRUPT, message);
    }
}
