package dev.hwbridge.daemon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import dev.hwbridge.daemon.device.DeviceError;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.transport.ledger.ApduTransport;
import dev.hwbridge.daemon.transport.ledger.LedgerWires;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.DerivePublicKeys;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The daemon's reading of a Polkadot app's replies ({@link LedgerConnection}) when the Ledger
 * sends arbitrary bytes, through the real transports: the version reply (features, ping), the
 * get-address reply (ed25519 and ecdsa, one key or several), the sign replies (transactions in
 * chunks, raw messages) and every status word. Each call ends with the response its request
 * stands for (keys and signatures of their scheme's sizes), a Failure with a refusal's code, or a
 * {@link DeviceException}: never another exception, never a wait that does not end.
 *
 * <p>The input's first byte picks the call (low four bits) and the transport (bit 4: 0 Speculos,
 * 1 HID reports); the rest is what the Ledger sends.
 */
class LedgerConnectionFuzzTest {

    private static final String PATH = "m/44'/354'/0'/0'/0'";
    private static final Request FEATURES = Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();
    /** A payload over 256 bytes and a proof of three chunks: the app's hashing and chunking both. */
    private static final byte[] PAYLOAD = filled(300, 1);
    private static final byte[] PROOF = filled(600, 2);

    /** The calls the daemon makes of a Ledger; ping is the last (index {@code CALLS.size()}). */
    private static final List<Request> CALLS = List.of(
            FEATURES,
            derive(KeyScheme.ED25519, false),
            derive(KeyScheme.ED25519, true),
            derive(KeyScheme.ECDSA, false),
            derive(KeyScheme.ECDSA, true),
            deriveAll(KeyScheme.ED25519),
            deriveAll(KeyScheme.ECDSA),
            sign(KeyScheme.ED25519, SignPayload.Kind.TRANSACTION),
            sign(KeyScheme.ECDSA, SignPayload.Kind.TRANSACTION),
            sign(KeyScheme.ED25519, SignPayload.Kind.RAW),
            sign(KeyScheme.ECDSA, SignPayload.Kind.RAW));

    /** What the connection turns a refusal of the app (a status word) into. */
    private static final List<Failure.Code> REFUSALS = List.of(Failure.Code.USER_REJECTED, Failure.Code.LOCKED,
            Failure.Code.METADATA_MISMATCH, Failure.Code.INVALID_PATH, Failure.Code.FIRMWARE_ERROR);
    /** What the connection throws for a reply it cannot use or a Ledger that went away. */
    private static final List<DeviceError> FAULTS = List.of(DeviceError.MALFORMED_REPLY, DeviceError.GONE,
            DeviceError.APP_NOT_OPEN, DeviceError.FAILED);

    @FuzzTest
    void anyRepliesGiveTheCallsResponseARefusalOrATypedDeviceError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int call = (input[0] & 0x0F) % (CALLS.size() + 1);
        byte[] wire = Arrays.copyOfRange(input, 1, input.length);
        ApduTransport transport = (input[0] & 0x10) == 0
                ? LedgerWires.speculos(wire).channel()
                : LedgerWires.hid(wire).transport();
        LedgerConnection ledger = new LedgerConnection(transport, "Nano S Plus");
        try {
            if (call == CALLS.size()) {
                byte[] data = {1, 2, 3};
                assertThat(ledger.ping(data, Duration.ofSeconds(5))).isEqualTo(data);
                return;
            }
            Request request = CALLS.get(call);
            List<Response> interim = new ArrayList<>();
            Response reply = ledger.call(request, interim::add);
            assertThat(interim).allSatisfy(prompt -> assertThat(prompt.hasButtonRequest()).isTrue());
            checkFinal(request, reply);
        } catch (DeviceException refused) {
            assertThat(refused.error()).as("%s", refused.getMessage()).isIn(FAULTS);
        } finally {
            ledger.close();
        }
    }

    private static void checkFinal(Request request, Response reply) {
        if (reply.hasFailure()) {
            assertThat(request.hasGetFeatures()).as("features never read a refusal as a Failure").isFalse();
            assertThat(reply.getFailure().getCode()).isIn(REFUSALS);
            return;
        }
        switch (request.getBodyCase()) {
            case GET_FEATURES -> {
                assertThat(reply.hasFeatures()).isTrue();
                assertThat(reply.getFeatures().getFirmwareVersion()).matches("\\d+\\.\\d+\\.\\d+");
                assertThat(reply.getFeatures().getBlindSigningDisabled()).isTrue();
            }
            case DERIVE_PUBLIC_KEY -> assertThat(reply.getPublicKey().getPublicKey().size())
                    .isEqualTo(keySize(request.getDerivePublicKey().getScheme()));
            case DERIVE_PUBLIC_KEYS -> {
                assertThat(reply.getPublicKeys().getPublicKeysList()).hasSize(request.getDerivePublicKeys().getPathsCount());
                assertThat(reply.getPublicKeys().getPublicKeysList()).allSatisfy(key -> assertThat(key.size())
                        .isEqualTo(keySize(request.getDerivePublicKeys().getScheme())));
            }
            case SIGN_PAYLOAD -> assertThat(reply.getSignature().getSignature().size())
                    .isEqualTo(request.getSignPayload().getScheme() == KeyScheme.ED25519 ? 64 : 65);
            default -> throw new AssertionError("no such call in this target: " + request.getBodyCase());
        }
    }

    private static int keySize(KeyScheme scheme) {
        return scheme == KeyScheme.ED25519 ? 32 : 33;
    }

    private static Request derive(KeyScheme scheme, boolean show) {
        return Request.newBuilder().setDerivePublicKey(DerivePublicKey.newBuilder().setScheme(scheme).setPath(PATH)
                .setShow(show).setSs58Format(0)).build();
    }

    private static Request deriveAll(KeyScheme scheme) {
        return Request.newBuilder().setDerivePublicKeys(DerivePublicKeys.newBuilder().setScheme(scheme)
                .addPaths(PATH).addPaths("m/44'/354'/0'/0'/1'").addPaths("m/44'/354'/0'/0'/2'")).build();
    }

    private static Request sign(KeyScheme scheme, SignPayload.Kind kind) {
        return Request.newBuilder().setSignPayload(SignPayload.newBuilder().setScheme(scheme).setPath(PATH).setKind(kind)
                .setPayload(ByteString.copyFrom(PAYLOAD))
                .setMetadataProof(ByteString.copyFrom(kind == SignPayload.Kind.TRANSACTION ? PROOF : new byte[0]))).build();
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
