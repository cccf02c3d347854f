package dev.hwbridge.daemon.payload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.Ss58;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the signer payloads polkadot-js hands to a signer ({@code SignerPayloadJSON},
 * {@code SignerPayloadRaw}) into the bytes the device signs, exactly as @polkadot/types and the
 * polkadot-js extension compute them:
 * <ul>
 *   <li>a payload with {@code data} is a {@code SignerPayloadRaw}: the data itself (0x-hex as bytes,
 *       any other text as its UTF-8, as {@code u8aToU8a});</li>
 *   <li>otherwise a {@code SignerPayloadJSON} (version 4): {@code ExtrinsicPayloadV4.toU8a({method:
 *       true})}: the call's bytes with no length prefix, then every listed signed extension's extra
 *       fields, then their additional-signed fields ({@link SignedExtensions}).</li>
 * </ul>
 * Numbers may be JSON numbers, {@code "0x…"} big-endian hex (as {@code toPayload} writes them) or
 * decimal strings. An extension polkadot-js does not know adds no bytes, as polkadot-js reads it
 * without metadata; its name is kept so that the device can say so. Every member a listed
 * extension needs must be present, except the ones
 * polkadot-js also fills in for a payload built before they existed: {@code mode} (0),
 * {@code metadataHash} and {@code assetId} (None). Members no listed extension uses are ignored.
 */
public final class SignerPayloads {

    /** Largest call or raw message accepted: half the daemon's 1 MiB frame, as the hex doubles it. */
    public static final int MAX_PAYLOAD_BYTES = 512 * 1024;
    public static final int MAX_SIGNED_EXTENSIONS = 64;
    /** The only extrinsic version whose signing payload this builds. */
    public static final int EXTRINSIC_VERSION = 4;

    private static final int HASH_LENGTH = 32;
    /** An era has at most 2 bytes; a few more are read so the era check can say what is wrong. */
    private static final int MAX_ERA_BYTES = 8;
    private static final int MAX_EXTENSION_NAME_LENGTH = 128;
    /** Long enough for a u128 in hex or decimal with some leading zeros. */
    private static final int MAX_NUMBER_TEXT_LENGTH = 80;
    static final BigInteger U8_LIMIT = BigInteger.ONE.shiftLeft(8);
    static final BigInteger U32_LIMIT = BigInteger.ONE.shiftLeft(32);
    static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);
    /** JavaScript numbers are exact up to 2^53; a larger one was already rounded by the sender. */
    private static final BigDecimal MAX_SAFE_INTEGER = BigDecimal.valueOf((1L << 53) - 1);
    private static final Set<String> RAW_TYPES = Set.of("bytes", "payload");

    private SignerPayloads() {
    }

    /** A transaction payload's {@code specVersion}, a u32. */
    public static long specVersion(JsonNode p) throws InvalidPayloadException {
        String member = PayloadField.SPEC_VERSION.member();
        return number(required(p, member), member, U32_LIMIT).longValue();
    }

    /** @throws InvalidPayloadException naming the first member at fault */
    public static SigningRequest fromSignerPayload(JsonNode p) throws InvalidPayloadException {
        if (p == null || !p.isObject()) {
            throw new InvalidPayloadException("", "a SignerPayloadJSON or SignerPayloadRaw object is required");
        }
        return p.has("data") ? raw(p) : transaction(p);
    }

    private static SigningRequest raw(JsonNode p) throws InvalidPayloadException {
        String address = address(p);
        JsonNode type = p.get("type");
        if (type == null || !type.isTextual() || !RAW_TYPES.contains(type.textValue())) {
            throw new InvalidPayloadException("type", "\"bytes\" or \"payload\" is required");
        }
        JsonNode data = p.get("data");
        if (!data.isTextual()) {
            throw new InvalidPayloadException("data", "a string is required");
        }
        String text = data.textValue();
        byte[] bytes;
        if (Hex.isHex(text)) {
            if (text.length() > 2 + 2L * MAX_PAYLOAD_BYTES) {
                throw tooLong("data", MAX_PAYLOAD_BYTES);
            }
            bytes = Hex.fromHex(text);
        } else {
            // A UTF-8 character takes at most 3 bytes per UTF-16 unit; check before encoding.
            if (text.length() > MAX_PAYLOAD_BYTES) {
                throw tooLong("data", MAX_PAYLOAD_BYTES);
            }
            bytes = utf8(text);
            if (bytes.length > MAX_PAYLOAD_BYTES) {
                throw tooLong("data", MAX_PAYLOAD_BYTES);
            }
        }
        return new SigningRequest(SigningRequest.Kind.RAW, address, bytes);
    }

    private static SigningRequest transaction(JsonNode p) throws InvalidPayloadException {
        String address = address(p);
        JsonNode version = p.get("version");
        if (version == null || number(version, "version", U8_LIMIT).intValue() != EXTRINSIC_VERSION) {
            throw new InvalidPayloadException("version", "only extrinsic version " + EXTRINSIC_VERSION + " is supported");
        }
        List<String> unknown = new ArrayList<>();
        List<SignedExtensions.Extension> extensions = extensions(p.get("signedExtensions"), unknown);
        byte[] method = hexBytes(p, "method", MAX_PAYLOAD_BYTES);
        if (method.length == 0) {
            throw new InvalidPayloadException("method", "the encoded call is empty");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(method.length + 128);
        // toU8a({method: true}): the call goes in bare, without the Bytes length prefix.
        out.writeBytes(method);
        for (PayloadField field : SignedExtensions.layout(extensions)) {
            out.writeBytes(encode(field, p));
        }
        return new SigningRequest(SigningRequest.Kind.TRANSACTION, address, out.toByteArray(), unknown);
    }

    /**
     * The listed extensions; one polkadot-js does not know is read as it reads it without the
     * chain's metadata ("treating them as no-effect"): no bytes, and its name goes to {@code unknown}.
     */
    private static List<SignedExtensions.Extension> extensions(JsonNode names, List<String> unknown)
            throws InvalidPayloadException {
        if (names == null || !names.isArray()) {
            throw new InvalidPayloadException("signedExtensions", "an array of extension names is required");
        }
        if (names.size() > MAX_SIGNED_EXTENSIONS) {
            throw new InvalidPayloadException("signedExtensions", "at most " + MAX_SIGNED_EXTENSIONS + " extensions");
        }
        List<SignedExtensions.Extension> extensions = new ArrayList<>(names.size());
        for (JsonNode name : names) {
            if (!name.isTextual() || name.textValue().isEmpty()
                    || name.textValue().length() > MAX_EXTENSION_NAME_LENGTH) {
                throw new InvalidPayloadException("signedExtensions", "every entry is an extension name");
            }
            String text = name.textValue();
            Optional<SignedExtensions.Extension> known = SignedExtensions.find(text);
            if (known.isEmpty()) {
                unknown.add(printable(text));
            }
            extensions.add(known.orElse(SignedExtensions.NONE));
        }
        return extensions;
    }

    static byte[] encode(PayloadField field, JsonNode p) throws InvalidPayloadException {
        String member = field.member();
        switch (field) {
            case ERA:
                return era(hexBytes(p, member, MAX_ERA_BYTES));
            case NONCE:
                return Scale.compact(number(required(p, member), member, U64_LIMIT));
            case TIP:
                return Scale.compact(number(required(p, member), member, Scale.U128_LIMIT));
            case ASSET_ID:
                return assetId(p.get(member));
            case MODE: {
                JsonNode mode = p.get(member);
                int value = mode == null || mode.isNull() ? 0 : number(mode, member, U8_LIMIT).intValue();
                if (value > 1) {
                    throw new InvalidPayloadException(member, "0 (disabled) or 1 (enabled) is required");
                }
                return new byte[] {(byte) value};
            }
            case SPEC_VERSION:
            case TRANSACTION_VERSION:
                return Scale.u32(number(required(p, member), member, U32_LIMIT).longValue());
            case GENESIS_HASH:
            case BLOCK_HASH:
                return hash(p, member);
            case METADATA_HASH: {
                JsonNode hash = p.get(member);
                if (hash == null || hash.isNull()) {
                    return new byte[] {0};
                }
                byte[] some = new byte[1 + HASH_LENGTH];
                some[0] = 1;
                System.arraycopy(hash(p, member), 0, some, 1, HASH_LENGTH);
                return some;
            }
            default:
                throw new IllegalStateException("unhandled payload field " + field);
        }
    }

    /**
     * An {@code ExtrinsicEra} as given: 0x00 is immortal; a mortal era is two bytes whose low four
     * bits give period = 2^(n+1) ≥ 4 and whose upper twelve the quantized phase, below the period
     * (polkadot-js throws "Invalid data passed to Era" otherwise). Longer or shorter forms, which
     * polkadot-js would silently cut or pad, are refused.
     */
    private static byte[] era(byte[] era) throws InvalidPayloadException {
        if (era.length == 1 && era[0] == 0) {
            return era;
        }
        if (era.length == 2 && era[0] != 0) {
            int encoded = (era[0] & 0xff) | (era[1] & 0xff) << 8;
            int period = 2 << (encoded & 0x0f);
            int quantizeFactor = Math.max(period >> 12, 1);
            int phase = (encoded >> 4) * quantizeFactor;
            if (period >= 4 && phase < period) {
                return era;
            }
        }
        throw new InvalidPayloadException("era", "0x00 (immortal) or a valid two-byte mortal era is required");
    }

    /**
     * {@code Option<TAssetConversion>}: absent or null is None (0x00); a hex string is the whole
     * encoded Option, as polkadot-js {@code SignerPayload.toPayload} writes it and
     * {@code ExtrinsicPayload} decodes it. Its inner type (an asset id or an XCM location) varies
     * by chain, so beyond the Option tag it is taken as given.
     */
    private static byte[] assetId(JsonNode value) throws InvalidPayloadException {
        if (value == null || value.isNull()) {
            return new byte[] {0};
        }
        if (!value.isTextual() || !Hex.isHex(value.textValue()) || value.textValue().length() > 2 + 2 * 1024) {
            throw new InvalidPayloadException("assetId", "the hex of an encoded Option<asset id> is required");
        }
        byte[] bytes = Hex.fromHex(value.textValue());
        boolean none = bytes.length == 1 && bytes[0] == 0;
        boolean some = bytes.length > 1 && bytes[0] == 1;
        if (!none && !some) {
            throw new InvalidPayloadException("assetId", "an encoded Option starts with 0x00 (None) or 0x01 (Some)");
        }
        return bytes;
    }

    /**
     * The payload's {@code address}: SS58 of a 32-byte account id, or the {@code 0x} 20-byte
     * address of an Ethereum-style account (any case; mixed case must be its EIP-55 checksum).
     */
    public static String address(JsonNode p) throws InvalidPayloadException {
        JsonNode address = p.get("address");
        if (address == null || !address.isTextual()) {
            throw new InvalidPayloadException("address", "an SS58 address is required");
        }
        try {
            if (EthereumAddress.isHexForm(address.textValue())) {
                EthereumAddress.parse(address.textValue());
            } else if (Ss58.decode(address.textValue()).accountId().length != HASH_LENGTH) {
                throw new InvalidPayloadException("address", "an account address (32-byte account id) is required");
            }
        } catch (FormatException e) {
            throw new InvalidPayloadException("address", "neither an SS58 nor an Ethereum address: " + e.getMessage());
        }
        return address.textValue();
    }

    static JsonNode required(JsonNode p, String member) throws InvalidPayloadException {
        JsonNode value = p.get(member);
        if (value == null || value.isNull()) {
            throw new InvalidPayloadException(member, "is required by the listed signed extensions");
        }
        return value;
    }

    private static byte[] hash(JsonNode p, String member) throws InvalidPayloadException {
        byte[] hash = hexBytes(p, member, HASH_LENGTH);
        if (hash.length != HASH_LENGTH) {
            throw new InvalidPayloadException(member, "32 bytes of 0x-hex are required");
        }
        return hash;
    }

    static byte[] hexBytes(JsonNode p, String member, int maxBytes) throws InvalidPayloadException {
        JsonNode value = required(p, member);
        if (!value.isTextual() || !Hex.isHex(value.textValue())) {
            throw new InvalidPayloadException(member, "0x-hex is required");
        }
        if (value.textValue().length() > 2 + 2L * maxBytes) {
            throw tooLong(member, maxBytes);
        }
        return Hex.fromHex(value.textValue());
    }

    /**
     * A non-negative integer below {@code limit}: a JSON integer (or an integral float up to 2^53),
     * {@code "0x…"} big-endian hex of any digit count ({@code "0x"} is 0, as polkadot-js
     * {@code hexToBn}), or a decimal string.
     */
    static BigInteger number(JsonNode value, String member, BigInteger limit) throws InvalidPayloadException {
        BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.bigIntegerValue();
        } else if (value.isFloatingPointNumber()) {
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                throw notANumber(member);
            }
            BigDecimal decimal = value.decimalValue();
            if (decimal.abs().compareTo(MAX_SAFE_INTEGER) > 0 || decimal.stripTrailingZeros().scale() > 0) {
                throw notANumber(member);
            }
            number = decimal.toBigIntegerExact();
        } else if (value.isTextual() && value.textValue().length() <= MAX_NUMBER_TEXT_LENGTH) {
            number = parseText(value.textValue(), member);
        } else {
            throw notANumber(member);
        }
        if (number.signum() < 0 || number.compareTo(limit) >= 0) {
            throw new InvalidPayloadException(member, "out of range (0 .. 2^" + (limit.bitLength() - 1) + "-1)");
        }
        return number;
    }

    private static BigInteger parseText(String text, String member) throws InvalidPayloadException {
        boolean hex = text.startsWith("0x");
        String digits = hex ? text.substring(2) : text;
        if (digits.isEmpty()) {
            if (hex) {
                return BigInteger.ZERO;
            }
            throw notANumber(member);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean ok = hex ? Character.digit(c, 16) >= 0 && c < 0x80 : c >= '0' && c <= '9';
            if (!ok) {
                throw notANumber(member);
            }
        }
        return new BigInteger(digits, hex ? 16 : 10);
    }

    /**
     * UTF-8 as the WHATWG TextEncoder behind polkadot-js {@code stringToU8a} writes it: a lone
     * surrogate becomes U+FFFD (Java's encoder would write '?').
     */
    static byte[] utf8(String text) {
        StringBuilder wellFormed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                wellFormed.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                wellFormed.append('\uFFFD');
            } else {
                wellFormed.append(c);
            }
        }
        return wellFormed.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An extension name from the payload, made safe to show: short, printable ASCII. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 64; i++) {
            char c = name.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.append(name.length() > 64 ? "…" : "").toString();
    }

    private static InvalidPayloadException notANumber(String member) {
        return new InvalidPayloadException(member, "a non-negative integer (number, 0x-hex or decimal string) is required");
    }

    private static InvalidPayloadException tooLong(String member, int maxBytes) {
        return new InvalidPayloadException(member, "longer than " + maxBytes + " bytes");
    }
}
