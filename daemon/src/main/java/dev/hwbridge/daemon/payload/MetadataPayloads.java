package dev.hwbridge.daemon.payload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.decode.PayloadDecoder;
import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.proof.MetadataTypes;
import dev.hwbridge.protocol.metadata.types.SignedExtensionMetadata;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signing payload of a {@code SignerPayloadJSON} for a chain whose metadata the daemon holds:
 * every signed extension of the metadata, in its order, written in the types the metadata gives
 * it, not from a table. An extension whose types carry nothing (e.g. {@code StorageWeightReclaim})
 * adds no bytes; a known one gets its payload members ({@link SignedExtensions}) written into its
 * types; an unknown one that carries data is refused (the daemon cannot know its value). The
 * result is then decoded with the metadata, so nothing the chain would read differently is signed.
 */
public final class MetadataPayloads {

    /**
     * A v4 signing payload in its parts.
     *
     * @param call       the call's bytes
     * @param extra      what the extensions put into the extrinsic, in order
     * @param additional what they only sign, in order
     */
    public record Parts(byte[] call, byte[] extra, byte[] additional) {

        /** {@code call ‖ extra ‖ additional}, as {@code ExtrinsicPayload.toU8a({method: true})}. */
        public byte[] signingPayload() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(call.length + extra.length + additional.length);
            out.writeBytes(call);
            out.writeBytes(extra);
            out.writeBytes(additional);
            return out.toByteArray();
        }
    }

    private static final int MAX_SIGNED_EXTENSIONS = SignerPayloads.MAX_SIGNED_EXTENSIONS;

    private MetadataPayloads() {
    }

    /**
     * @throws InvalidPayloadException naming the member at fault: a malformed value, one that does
     *                                 not fit the chain's type, signed extensions other than the
     *                                 metadata's, or a payload the metadata does not decode
     */
    public static Parts build(JsonNode p, Merkleizer merkleizer) throws InvalidPayloadException {
        if (p == null || !p.isObject() || p.has("data")) {
            throw new InvalidPayloadException("", "a SignerPayloadJSON object is required");
        }
        SignerPayloads.address(p);
        List<SignedExtensionMetadata> extensions = merkleizer.extrinsicMetadata().signedExtensions();
        requireSameExtensions(p.get("signedExtensions"), extensions);
        byte[] call = SignerPayloads.hexBytes(p, "method", SignerPayloads.MAX_PAYLOAD_BYTES);
        if (call.length == 0) {
            throw new InvalidPayloadException("method", "the encoded call is empty");
        }
        TypeSource types = MetadataTypes.of(merkleizer);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        ByteArrayOutputStream additional = new ByteArrayOutputStream();
        for (SignedExtensionMetadata extension : extensions) {
            Optional<SignedExtensions.Extension> known = SignedExtensions.find(extension.identifier());
            extra.writeBytes(encode(extension.identifier(), known.map(SignedExtensions.Extension::extra),
                    extension.includedInExtrinsic(), p, types));
            additional.writeBytes(encode(extension.identifier(), known.map(SignedExtensions.Extension::additional),
                    extension.includedInSignedData(), p, types));
        }
        Parts parts = new Parts(call, extra.toByteArray(), additional.toByteArray());
        try {
            PayloadDecoder.decode(merkleizer.extrinsicMetadata(), types, parts.signingPayload());
        } catch (MetadataException e) {
            throw new InvalidPayloadException("", "does not decode with the chain's metadata: " + e.getMessage());
        }
        return parts;
    }

    private static void requireSameExtensions(JsonNode names, List<SignedExtensionMetadata> extensions)
            throws InvalidPayloadException {
        if (names == null || !names.isArray() || names.size() > MAX_SIGNED_EXTENSIONS) {
            throw new InvalidPayloadException("signedExtensions", "an array of extension names is required");
        }
        List<String> given = new ArrayList<>(names.size());
        for (JsonNode name : names) {
            given.add(name.isTextual() ? name.textValue() : "");
        }
        List<String> chain = extensions.stream().map(SignedExtensionMetadata::identifier).toList();
        if (!given.equals(chain)) {
            throw new InvalidPayloadException("signedExtensions",
                    "differ from the chain's metadata for this spec version, which lists " + String.join(", ", chain));
        }
    }

    /** One side (extra or additional) of one extension. */
    private static byte[] encode(String identifier, Optional<List<PayloadField>> known, TypeRef ref, JsonNode p,
            TypeSource types) throws InvalidPayloadException {
        if (ref.kind() == TypeRef.Kind.VOID) {
            return new byte[0];
        }
        if (known.isEmpty() || known.get().isEmpty()) {
            throw new InvalidPayloadException("signedExtensions", "the chain's extension " + identifier
                    + " carries data the daemon cannot fill in");
        }
        List<PayloadField> fields = known.get();
        if (fields.size() == 1) {
            return field(fields.get(0), ref, p, types);
        }
        List<TypeRef> parts = structFields(ref, types, fields.size(), identifier);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i++) {
            out.writeBytes(field(fields.get(i), parts.get(i), p, types));
        }
        return out.toByteArray();
    }

    /** The types of a struct or tuple of {@code count} fields ({@code ChargeAssetTxPayment}'s tip and asset id). */
    private static List<TypeRef> structFields(TypeRef ref, TypeSource types, int count, String identifier)
            throws InvalidPayloadException {
        TypeSource.LeafGroup group = ref.isPerId() ? types.group(ref.id()) : null;
        TypeDef def = group == null || group.isEnumeration() ? null : group.leaf(0).def();
        if (def instanceof TypeDef.Composite composite && composite.fields().size() == count) {
            return composite.fields().stream().map(dev.hwbridge.protocol.metadata.types.Field::type).toList();
        }
        if (def instanceof TypeDef.Tuple tuple && tuple.elements().size() == count) {
            return tuple.elements();
        }
        throw new InvalidPayloadException("signedExtensions", "the chain's extension " + identifier
                + " has a layout the daemon does not know");
    }

    private static byte[] field(PayloadField field, TypeRef ref, JsonNode p, TypeSource types)
            throws InvalidPayloadException {
        String member = field.member();
        return switch (field) {
            case NONCE -> TypedIntegers.encode(ref, SignerPayloads.number(SignerPayloads.required(p, member), member,
                    SignerPayloads.U64_LIMIT), types, member);
            case TIP -> TypedIntegers.encode(ref, SignerPayloads.number(SignerPayloads.required(p, member), member,
                    Scale.U128_LIMIT), types, member);
            case SPEC_VERSION, TRANSACTION_VERSION -> TypedIntegers.encode(ref, SignerPayloads.number(
                    SignerPayloads.required(p, member), member, SignerPayloads.U32_LIMIT), types, member);
            case MODE -> TypedIntegers.encode(ref, mode(p), types, member);
            // Taken as given; the decoding of the whole payload checks them against their types.
            case ERA, ASSET_ID, GENESIS_HASH, BLOCK_HASH, METADATA_HASH -> SignerPayloads.encode(field, p);
        };
    }

    private static BigInteger mode(JsonNode p) throws InvalidPayloadException {
        JsonNode mode = p.get(PayloadField.MODE.member());
        return mode == null || mode.isNull() ? BigInteger.ZERO
                : SignerPayloads.number(mode, PayloadField.MODE.member(), SignerPayloads.U8_LIMIT);
    }
}
