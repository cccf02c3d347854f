package dev.hwbridge.simulator.device;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.protocol.message.Signature;
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
 * screen says what is signed — the account, the blake2b-256 of the payload, and for a transaction
 * the fields {@link PayloadSummary} can read — and only a confirm signs ({@link SigningMessage}).
 */
final class SignFlow {

    private static final int PREVIEW_CHARS = 64;

    private final DeviceContext context;

    SignFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(SignPayload request, UserIo io) {
        AccountSpec spec = AccountSpec.of(request);
        byte[] payload = request.getPayload().toByteArray();
        byte[] message = SigningMessage.of(request.getKind(), payload);
        try (KeyPair pair = AccountKeys.open(context, io, spec)) {
            boolean transaction = request.getKind() == SignPayload.Kind.TRANSACTION;
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
            io.require(ButtonRequest.Kind.SIGN, transaction ? "Sign transaction" : "Sign message", lines);
            io.working("Signing");
            byte[] signature = pair.sign(message);
            return Response.newBuilder()
                    .setSignature(Signature.newBuilder().setSignature(ByteString.copyFrom(signature)))
                    .build();
        } finally {
            Arrays.fill(message, (byte) 0);
        }
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
