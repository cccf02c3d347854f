package dev.hwbridge.simulator.device;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.protocol.message.Signature;
import dev.hwbridge.protocol.metadata.proof.VerifiedPayload;
import dev.hwbridge.simulator.keys.KeyPair;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Signing: the key is opened (asking for a {@code ///password} if the request says so), the
 * screen says what is signed, and only a confirm signs ({@link SigningMessage}). A transaction
 * with a metadata proof is verified first and shown decoded, page by page ({@link TransactionPages});
 * one without is "blind": a warning first (or a refusal, when blind signing is off), then the
 * account, the blake2b-256 of the payload and the fields {@link PayloadSummary} can read.
 */
final class SignFlow {

    private static final int PREVIEW_CHARS = 64;
    private static final int MAX_LINE = 200;
    static final String BLIND_TITLE = "Blind signing";
    static final List<String> BLIND_WARNING = List.of("This device cannot show what this transaction does",
            "Continue only if you trust the app that asks");

    private final DeviceContext context;

    SignFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(SignPayload request, UserIo io) {
        AccountSpec spec = AccountSpec.of(request);
        byte[] payload = request.getPayload().toByteArray();
        boolean transaction = request.getKind() == SignPayload.Kind.TRANSACTION;
        byte[] proof = request.getMetadataProof().toByteArray();
        if (proof.length > 0 && !transaction) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, "a metadata proof is for a transaction only");
        }
        // Checked before anything is asked of the user: a refusal costs them nothing.
        Optional<VerifiedPayload> verified = proof.length > 0
                ? Optional.of(TransactionPages.verify(proof, payload)) : Optional.empty();
        if (transaction && verified.isEmpty() && !context.info().blindSigning()) {
            throw new FlowFailure(Failure.Code.BLIND_SIGNING_DISABLED,
                    "blind signing is turned off: the device signs only transactions it can show (send a metadata proof)");
        }
        byte[] message = SigningMessage.of(request.getKind(), payload);
        try (KeyPair pair = AccountKeys.open(context, io, spec)) {
            if (verified.isPresent()) {
                String keyLine = spec.scheme().id() + " " + spec.path();
                List<TransactionPages.Page> pages = TransactionPages.of(verified.get(),
                        prefix -> AccountKeys.address(spec.scheme(), pair.publicKey(), prefix), keyLine, payload.length);
                for (int i = 0; i < pages.size(); i++) {
                    io.progress(i + 1, pages.size(), "page " + (i + 1) + " of " + pages.size());
                    io.require(ButtonRequest.Kind.SIGN, pages.get(i).title(), pages.get(i).lines());
                }
            } else {
                if (transaction) {
                    io.require(ButtonRequest.Kind.WARNING, BLIND_TITLE, BLIND_WARNING);
                }
                List<String> lines = hashScreen(spec, pair, payload, transaction);
                unknownExtensions(request).ifPresent(lines::add);
                io.require(ButtonRequest.Kind.SIGN, transaction ? "Sign transaction" : "Sign message", lines);
            }
            io.working("Signing");
            byte[] signature = pair.sign(message);
            return Response.newBuilder()
                    .setSignature(Signature.newBuilder().setSignature(ByteString.copyFrom(signature)))
                    .build();
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }

    /** What the device shows when it cannot decode: the account, the payload's hash and what it can read. */
    private static List<String> hashScreen(AccountSpec spec, KeyPair pair, byte[] payload, boolean transaction) {
        List<String> lines = new ArrayList<>();
        lines.add(AccountKeys.address(spec.scheme(), pair.publicKey(), spec.prefix()));
        lines.add("blake2b-256 " + Hex.toHex(Blake2b.hash256(payload)));
        if (transaction) {
            lines.addAll(PayloadSummary.lines(payload));
            if (payload.length > SigningMessage.MAX_UNHASHED) {
                lines.add(payload.length + " bytes: their blake2b-256 is signed");
            }
        } else {
            lines.add(payload.length + " bytes, signed as <Bytes>…</Bytes>");
            preview(payload).ifPresent(lines::add);
        }
        return lines;
    }

    /** The extensions the host read as empty without the chain's metadata, named (bounded) for the user. */
    static Optional<String> unknownExtensions(SignPayload request) {
        if (request.getUnknownExtensionsCount() == 0) {
            return Optional.empty();
        }
        String names = String.join(", ", request.getUnknownExtensionsList());
        String line = "read as empty by the host: " + names;
        return Optional.of(IdentityNames.isPrintable(line) && line.length() <= MAX_LINE ? line
                : request.getUnknownExtensionsCount() + " extensions read as empty by the host");
    }

    /** The message as text, when it is short printable UTF-8 (raw messages are often text). */
    static Optional<String> preview(byte[] payload) {
        byte[] body = SigningMessage.isWrapped(payload)
                ? Arrays.copyOfRange(payload, SigningMessage.PREFIX.length, payload.length - SigningMessage.POSTFIX.length)
                : payload;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.isEmpty() || !IdentityNames.isPrintable(text)) {
            return Optional.empty();
        }
        int cut = text.offsetByCodePoints(0, Math.min(PREVIEW_CHARS, text.codePointCount(0, text.length())));
        return Optional.of("\"" + text.substring(0, cut) + (cut < text.length() ? "…" : "") + "\"");
    }
}
