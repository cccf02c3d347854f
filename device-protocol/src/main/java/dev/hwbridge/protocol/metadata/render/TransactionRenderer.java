package dev.hwbridge.protocol.metadata.render;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.decode.DecodedExtension;
import dev.hwbridge.protocol.metadata.decode.DecodedPayload;
import dev.hwbridge.protocol.metadata.decode.NamedValue;
import dev.hwbridge.protocol.metadata.decode.Value;
import dev.hwbridge.protocol.metadata.proof.VerifiedPayload;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The screen's text for a verified transaction: the call ({@code Pallet.call_name}), its arguments
 * (nested calls as nested sections, two spaces deeper per level), then the extensions' mortality,
 * nonce, tip and fee asset. The rules are in PROTOCOL.md ("Clear signing"). Stateless.
 */
public final class TransactionRenderer {

    /** A transaction with more lines than this is not something a person can check on a device. */
    public static final int MAX_LINES = 4096;

    private static final String INDENT = "  ";

    private TransactionRenderer() {
    }

    /** @throws MetadataException LIMIT_EXCEEDED when the text would exceed {@link #MAX_LINES} lines */
    public static RenderedTransaction render(VerifiedPayload verified) {
        return render(verified.payload(), verified.proof().extraInfo(), verified.proof().extrinsic().callType());
    }

    public static RenderedTransaction render(DecodedPayload payload, ExtraInfo info, TypeRef callType) {
        ValueRenderer renderer = new ValueRenderer(info, callType);
        Node call = renderer.call(payload.call());
        List<String> lines = new ArrayList<>();
        for (Node argument : call.children()) {
            append(lines, argument, 0);
        }
        extensionLines(payload, renderer).forEach(line -> append(lines, Node.leaf(line), 0));
        return new RenderedTransaction(call.text(), lines);
    }

    private static List<String> extensionLines(DecodedPayload payload, ValueRenderer renderer) {
        List<String> lines = new ArrayList<>();
        Optional<DecodedExtension> era = payload.extension("CheckMortality").or(() -> payload.extension("CheckEra"));
        era.ifPresent(e -> lines.add("mortality: " + Mortality.describe(e.inExtrinsicBytes())));
        payload.extension("CheckNonce").flatMap(e -> firstInteger(e.inExtrinsic()))
                .ifPresent(nonce -> lines.add("nonce: " + nonce));
        payload.extension("ChargeTransactionPayment").flatMap(e -> firstInteger(e.inExtrinsic()))
                .ifPresent(tip -> lines.add("tip: " + renderer.nativeAmount(tip)));
        payload.extension("ChargeAssetTxPayment").ifPresent(e -> {
            field(e.inExtrinsic(), "tip").flatMap(TransactionRenderer::firstInteger)
                    .ifPresent(tip -> lines.add("tip: " + renderer.nativeAmount(tip)));
            field(e.inExtrinsic(), "asset_id").ifPresent(asset -> lines.addAll(feeAsset(asset, renderer)));
        });
        return lines;
    }

    private static List<String> feeAsset(Value asset, ValueRenderer renderer) {
        if (asset instanceof Value.Variant option && option.fields().isEmpty() && option.name().equals("None")) {
            return List.of("fee asset: native");
        }
        List<String> lines = new ArrayList<>();
        append(lines, renderer.value(asset, null, ValueRenderer.CallContext.NATIVE).labelled("fee asset"), 0);
        return lines;
    }

    private static Optional<Value> field(Value value, String name) {
        if (value instanceof Value.Composite composite) {
            return composite.fields().stream().filter(f -> name.equals(f.name())).map(NamedValue::value).findFirst();
        }
        return Optional.empty();
    }

    /** The first integer in a value (depth first): a nonce or a tip inside its extension's struct. */
    private static Optional<BigInteger> firstInteger(Value value) {
        if (value instanceof Value.Int number) {
            return Optional.of(number.value());
        }
        List<NamedValue> fields = value instanceof Value.Composite composite ? composite.fields()
                : value instanceof Value.Variant variant ? variant.fields() : List.of();
        for (NamedValue field : fields) {
            Optional<BigInteger> found = firstInteger(field.value());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void append(List<String> lines, Node node, int depth) {
        if (lines.size() >= MAX_LINES) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED,
                    "the transaction takes more than " + MAX_LINES + " lines to show");
        }
        lines.add(INDENT.repeat(depth) + node.text());
        for (Node child : node.children()) {
            append(lines, child, depth + 1);
        }
    }
}
