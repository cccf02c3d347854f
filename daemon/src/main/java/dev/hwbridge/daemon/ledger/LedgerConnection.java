package dev.hwbridge.daemon.ledger;

import com.google.protobuf.ByteString;
import dev.hwbridge.daemon.device.DeviceConnection;
import dev.hwbridge.daemon.device.DeviceError;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.ledger.ApduTransport;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerError;
import dev.hwbridge.protocol.ledger.LedgerException;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.DerivePublicKeys;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.PublicKey;
import dev.hwbridge.protocol.message.PublicKeys;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Signature;
import dev.hwbridge.protocol.message.SignPayload;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A Ledger's Polkadot app behind the device protocol: each request becomes the app's APDUs
 * (PROTOCOL.md §12) and the replies become the protocol's responses, so the device layer and the
 * methods above it need not know which kind of device they hold.
 *
 * <p>An APDU exchange cannot be cancelled from the host. So exchanges run one after the other on
 * the connection's own thread, and the call waits for its exchange there: {@link #cancel()} ends
 * the waiting call with CANCELLED at once, while the exchange goes on until the user answers the
 * Ledger; the next call's exchange queues behind it and waits that long.
 *
 * <p>What a Ledger does on itself (setup, recovery, wipe, PIN, settings, the encrypted export)
 * fails with UNSUPPORTED; the dashboard or another app answering fails with APP_NOT_OPEN.
 */
public final class LedgerConnection implements DeviceConnection {

    /** The key schemes the app has, as the device protocol names them. */
    static final List<KeyScheme> SCHEMES = List.of(KeyScheme.ED25519, KeyScheme.ECDSA);
    /** The model shown when the bus reports no product name. */
    private static final String MODEL_FALLBACK = "Ledger";

    private final ApduTransport transport;
    private final String model;
    private final ExecutorService io;
    private final Object waiting = new Object();
    // Guarded by waiting.
    private CompletableFuture<ApduResponse> pending;

    /** @param model the product name the bus reports, shown as the device's model */
    public LedgerConnection(ApduTransport transport, String model) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.model = model == null || model.isBlank() ? MODEL_FALLBACK : model;
        this.io = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "hwbridge-ledger-io");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Response call(Request request, Consumer<Response> interim) throws DeviceException {
        return switch (request.getBodyCase()) {
            case GET_FEATURES -> Response.newBuilder().setFeatures(features()).build();
            case DERIVE_PUBLIC_KEY -> derive(request.getDerivePublicKey(), interim);
            case DERIVE_PUBLIC_KEYS -> deriveAll(request.getDerivePublicKeys());
            case SIGN_PAYLOAD -> sign(request.getSignPayload(), interim);
            case SETUP, RECOVER -> throw unsupported("a Ledger is set up and recovered on the Ledger itself,"
                    + " with its own buttons; the daemon cannot do it");
            case WIPE -> throw unsupported("a Ledger is reset on the Ledger itself (three wrong PINs, or its settings);"
                    + " the daemon cannot wipe it");
            case UNLOCK -> throw unsupported("a Ledger is unlocked with its PIN on the Ledger itself");
            case APPLY_SETTINGS -> throw unsupported("a Ledger's settings are changed on the Ledger itself;"
                    + " its Polkadot app never signs blind");
            case EXPORT_ENCRYPTED, IMPORT_ENCRYPTED -> throw unsupported("a Ledger's keys never leave it, and it takes"
                    + " none in: back up its recovery phrase as Ledger tells you to");
            default -> throw new DeviceException(DeviceError.INVALID_REQUEST,
                    "a Ledger cannot answer " + request.getBodyCase());
        };
    }

    /** Asks the app its version: the app answers at once, whatever screen it shows. */
    @Override
    public byte[] ping(byte[] data, Duration timeout) throws DeviceException {
        CompletableFuture<ApduResponse> reply = send(PolkadotGenericApp.getVersion());
        try {
            requireOk(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new DeviceException(DeviceError.TIMEOUT, "the Ledger did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
        return data.clone();
    }

    @Override
    public void cancel() {
        CompletableFuture<ApduResponse> waiter;
        synchronized (waiting) {
            waiter = pending;
        }
        if (waiter != null) {
            waiter.completeExceptionally(cancelled());
        }
    }

    @Override
    public void close() {
        transport.close();
        io.shutdownNow();
    }

    private Features features() throws DeviceException {
        PolkadotGenericApp.AppVersion version = read(() -> PolkadotGenericApp.readVersion(
                requireOk(exchange(PolkadotGenericApp.getVersion()))));
        return Features.newBuilder()
                .setModel(model)
                .setFirmwareVersion(version.major() + "." + version.minor() + "." + version.patch())
                .setInitialized(true)
                .setLocked(version.locked())
                .addAllSchemes(SCHEMES)
                .setBlindSigningDisabled(true)
                .build();
    }

    private Response derive(DerivePublicKey request, Consumer<Response> interim) throws DeviceException {
        LedgerScheme scheme = scheme(request.getScheme());
        LedgerPath path = path(request.getPath());
        if (request.getShow()) {
            interim.accept(prompt(ButtonRequest.Kind.SHOW_ADDRESS, "Check the address on your Ledger", path));
        }
        ApduResponse reply = exchange(PolkadotGenericApp.getAddress(path, scheme, request.getShow(),
                (int) request.getSs58Format()));
        if (refused(reply).isPresent()) {
            return refused(reply).get();
        }
        byte[] key = read(() -> PolkadotGenericApp.readAddress(scheme, requireOk(reply)).publicKey());
        return Response.newBuilder().setPublicKey(PublicKey.newBuilder()
                .setPublicKey(ByteString.copyFrom(key)).setScheme(request.getScheme())).build();
    }

    private Response deriveAll(DerivePublicKeys request) throws DeviceException {
        LedgerScheme scheme = scheme(request.getScheme());
        PublicKeys.Builder keys = PublicKeys.newBuilder().setScheme(request.getScheme());
        for (String text : request.getPathsList()) {
            LedgerPath path = path(text);
            ApduResponse reply = exchange(PolkadotGenericApp.getAddress(path, scheme, false, 0));
            if (refused(reply).isPresent()) {
                return refused(reply).get();
            }
            byte[] key = read(() -> PolkadotGenericApp.readAddress(scheme, requireOk(reply)).publicKey());
            keys.addPublicKeys(ByteString.copyFrom(key));
        }
        return Response.newBuilder().setPublicKeys(keys).build();
    }

    private Response sign(SignPayload request, Consumer<Response> interim) throws DeviceException {
        LedgerScheme scheme = scheme(request.getScheme());
        LedgerPath path = path(request.getPath());
        byte[] payload = request.getPayload().toByteArray();
        List<Apdu> chunks;
        if (request.getKind() == SignPayload.Kind.RAW) {
            chunks = PolkadotGenericApp.signRaw(path, scheme, payload);
        } else if (request.getKind() == SignPayload.Kind.TRANSACTION) {
            if (request.getMetadataProof().isEmpty()) {
                return failure(Failure.Code.BLIND_SIGNING_DISABLED, "the Ledger's Polkadot app signs only"
                        + " transactions it can show in full, with a metadata proof; add the chain's metadata"
                        + " with chain.addMetadata");
            }
            chunks = PolkadotGenericApp.sign(path, scheme, payload, request.getMetadataProof().toByteArray());
        } else {
            throw new DeviceException(DeviceError.INVALID_REQUEST, "a signing request names no kind");
        }
        interim.accept(prompt(ButtonRequest.Kind.SIGN, "Review and sign on your Ledger", path));
        ApduResponse reply = null;
        for (Apdu chunk : chunks) {
            reply = exchange(chunk);
            if (!reply.isOk()) {
                break;
            }
        }
        if (refused(reply).isPresent()) {
            return refused(reply).get();
        }
        ApduResponse last = reply;
        byte[] signature = read(() -> PolkadotGenericApp.readSignature(scheme, requireOk(last)));
        // The device protocol's ed25519 signature is the 64 bytes, without the app's scheme byte.
        byte[] plain = scheme == LedgerScheme.ED25519 ? Arrays.copyOfRange(signature, 1, signature.length) : signature;
        return Response.newBuilder().setSignature(Signature.newBuilder().setSignature(ByteString.copyFrom(plain))).build();
    }

    /** Runs one exchange on the connection's thread and waits for it, or for a cancel. */
    private ApduResponse exchange(Apdu apdu) throws DeviceException {
        CompletableFuture<ApduResponse> reply = send(apdu);
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            synchronized (waiting) {
                if (pending == reply) {
                    pending = null;
                }
            }
        }
    }

    private CompletableFuture<ApduResponse> send(Apdu apdu) throws DeviceException {
        CompletableFuture<ApduResponse> reply = new CompletableFuture<>();
        synchronized (waiting) {
            pending = reply;
        }
        try {
            io.execute(() -> {
                try {
                    reply.complete(transport.exchange(apdu));
                } catch (TransportException | RuntimeException e) {
                    // Whatever ends the exchange must end the wait too: a caller of exchange()
                    // waits with no deadline, as long as the user may take.
                    reply.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new DeviceException(DeviceError.GONE, "the connection to the Ledger is closed", e);
        }
        return reply;
    }

    private static DeviceException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DeviceException device) {
            return device;
        }
        if (cause instanceof TransportException transport) {
            return switch (transport.code()) {
                case DEVICE_GONE, NOT_FOUND -> new DeviceException(DeviceError.GONE, transport.getMessage(), transport);
                case BAD_REPORT -> new DeviceException(DeviceError.MALFORMED_REPLY, transport.getMessage(), transport);
                case ACCESS_DENIED, IO -> new DeviceException(DeviceError.FAILED, transport.getMessage(), transport);
            };
        }
        return new DeviceException(DeviceError.FAILED, "the Ledger exchange failed: " + cause, cause);
    }

    /**
     * The final reply a refusal of the app stands for, when the status word is one the user or the
     * app gave; empty for success. APP_NOT_OPEN and failures of the exchange itself are thrown.
     */
    private static java.util.Optional<Response> refused(ApduResponse reply) throws DeviceException {
        if (reply.isOk()) {
            return java.util.Optional.empty();
        }
        LedgerError error = LedgerError.ofStatusWord(reply.statusWord()).orElse(LedgerError.UNKNOWN_STATUS);
        String sw = String.format("status word 0x%04X", reply.statusWord());
        return java.util.Optional.of(switch (error) {
            case USER_REJECTED -> failure(Failure.Code.USER_REJECTED, "rejected on the Ledger");
            case DEVICE_LOCKED -> failure(Failure.Code.LOCKED, "the Ledger is locked: unlock it with its PIN");
            case DATA_INVALID -> failure(Failure.Code.METADATA_MISMATCH, "the Ledger could not verify the payload"
                    + " with its metadata proof (" + sw + ")");
            case BAD_KEY_HANDLE -> failure(Failure.Code.INVALID_PATH, "the Ledger refused the path (" + sw + ")");
            case APP_NOT_OPEN -> throw appNotOpen();
            default -> failure(Failure.Code.FIRMWARE_ERROR, "the Ledger's Polkadot app refused (" + sw + ")");
        });
    }

    private static byte[] requireOk(ApduResponse reply) throws DeviceException {
        if (!reply.isOk()) {
            LedgerError error = LedgerError.ofStatusWord(reply.statusWord()).orElse(LedgerError.UNKNOWN_STATUS);
            if (error == LedgerError.APP_NOT_OPEN) {
                throw appNotOpen();
            }
            throw new DeviceException(DeviceError.FAILED, String.format("the Ledger answered status word 0x%04X (%s)",
                    reply.statusWord(), error));
        }
        return reply.data();
    }

    private static DeviceException appNotOpen() {
        return new DeviceException(DeviceError.APP_NOT_OPEN, "the Polkadot app is not open on the Ledger:"
                + " open it, then call again");
    }

    /** A reader of the app's replies, whose framing faults are the device's. */
    private interface Reader<T> {
        T read() throws LedgerException, DeviceException;
    }

    private static <T> T read(Reader<T> reader) throws DeviceException {
        try {
            return reader.read();
        } catch (LedgerException e) {
            throw new DeviceException(DeviceError.MALFORMED_REPLY, "the Ledger's reply does not parse: " + e.getMessage(), e);
        }
    }

    private static LedgerScheme scheme(KeyScheme scheme) throws DeviceException {
        return switch (scheme) {
            case ED25519 -> LedgerScheme.ED25519;
            case ECDSA -> LedgerScheme.ECDSA;
            default -> throw new DeviceException(DeviceError.UNSUPPORTED, "the Ledger's Polkadot app has ed25519 and"
                    + " Ethereum-style secp256k1 keys, not " + scheme.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    private static LedgerPath path(String text) throws DeviceException {
        try {
            return LedgerPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(DeviceError.INVALID_REQUEST, "a Ledger path is m/44'/354'/account'/change'/index',"
                    + " all hardened: " + e.getMessage());
        }
    }

    private static Response prompt(ButtonRequest.Kind kind, String title, LedgerPath path) {
        return Response.newBuilder().setButtonRequest(ButtonRequest.newBuilder().setKind(kind).setTitle(title)
                .addLines(path.toString())).build();
    }

    private static Response failure(Failure.Code code, String message) {
        return Response.newBuilder().setFailure(Failure.newBuilder().setCode(code).setMessage(message)).build();
    }

    private static DeviceException unsupported(String sentence) {
        return new DeviceException(DeviceError.UNSUPPORTED, sentence);
    }

    private static DeviceException cancelled() {
        return new DeviceException(DeviceError.CANCELLED, "the call was cancelled; the Ledger still shows its prompt"
                + " until the user answers it");
    }
}
