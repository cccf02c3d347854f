package dev.hwbridge.protocol.metadata.render;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.metadata.decode.NamedValue;
import dev.hwbridge.protocol.metadata.decode.Value;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns decoded values into nested lines by the rules in PROTOCOL.md ("Clear signing"): calls by
 * {@code Pallet.call_name} with their arguments nested, accounts as SS58 in full, native amounts in
 * whole units, asset amounts as integers with their asset, enums by variant name, long byte
 * strings by their BLAKE2b-256. One renderer per transaction.
 */
final class ValueRenderer {

    /** Byte strings up to this length are shown in full hex. */
    static final int MAX_INLINE_BYTES = 32;
    /** Bit sequences up to this length are shown bit by bit. */
    static final int MAX_INLINE_BITS = 64;

    private final ExtraInfo info;
    private final Ss58Prefix prefix;
    private final int callTypeId;

    /** How a call's balance-typed arguments are shown: native units, or integers of an asset. */
    record CallContext(boolean assetCall, String assetId) {
        static final CallContext NATIVE = new CallContext(false, null);
    }

    ValueRenderer(ExtraInfo info, TypeRef callType) {
        this.info = info;
        this.prefix = validPrefix(info.base58Prefix());
        this.callTypeId = callType.isPerId() ? callType.id() : -1;
    }

    /** The call's name and its arguments' nodes. */
    Node call(Value call) {
        if (!(call instanceof Value.Variant pallet) || pallet.fields().size() != 1
                || !(pallet.fields().get(0).value() instanceof Value.Variant function)) {
            // Not FRAME's RuntimeCall (pallet variant around a call variant): show it as any value.
            return new Node("call", List.of(value(call, null, CallContext.NATIVE).labelled("value")));
        }
        String name = pallet.name() + "." + function.name();
        CallContext context = contextOf(pallet.name(), function.fields());
        List<Node> arguments = new ArrayList<>(function.fields().size());
        for (int i = 0; i < function.fields().size(); i++) {
            NamedValue argument = function.fields().get(i);
            if (argument.value() instanceof Value.Void) {
                continue;
            }
            arguments.add(field(argument, i, context));
        }
        return new Node(name, arguments);
    }

    /** A native amount, e.g. a tip. */
    String nativeAmount(BigInteger planck) {
        return Amounts.inUnits(planck, info.decimals(), info.tokenSymbol());
    }

    Node value(Value value, String typeName, CallContext context) {
        if (value instanceof Value.Int number) {
            if (TypeNames.isBalance(typeName) && number.value().signum() >= 0) {
                return Node.leaf(context.assetCall()
                        ? number.value() + (context.assetId() == null ? "" : " (asset " + context.assetId() + ")")
                        : nativeAmount(number.value()));
            }
            return Node.leaf(number.value().toString());
        }
        if (value instanceof Value.Bool bool) {
            return Node.leaf(Boolean.toString(bool.value()));
        }
        if (value instanceof Value.Text text) {
            return Node.leaf(text.value());
        }
        if (value instanceof Value.Char character) {
            return Node.leaf(new String(Character.toChars(character.codePoint())));
        }
        if (value instanceof Value.Bytes bytes) {
            return Node.leaf(bytes(bytes.value()));
        }
        if (value instanceof Value.Bits bits) {
            return Node.leaf(bits(bits));
        }
        if (value instanceof Value.Composite composite) {
            return composite(composite, typeName, context);
        }
        if (value instanceof Value.Variant variant) {
            return variant(variant, typeName, context);
        }
        if (value instanceof Value.Sequence sequence) {
            return sequence(sequence, typeName, context);
        }
        if (value instanceof Value.Tuple tuple) {
            return tuple.elements().isEmpty() ? Node.leaf("()") : indexed("", tuple.elements(), typeName, context);
        }
        return Node.leaf("");
    }

    private Node composite(Value.Composite composite, String typeName, CallContext context) {
        List<NamedValue> fields = composite.fields();
        if (isAccountId32(composite)) {
            return Node.leaf(account(((Value.Bytes) fields.get(0).value()).value()));
        }
        if (fields.size() == 1 && fields.get(0).name() == null) {
            NamedValue only = fields.get(0);
            return value(only.value(), only.typeName() != null ? only.typeName() : typeName, context);
        }
        List<Node> children = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (!(fields.get(i).value() instanceof Value.Void)) {
                children.add(field(fields.get(i), i, context));
            }
        }
        return new Node(lastSegment(composite.path()), children);
    }

    private Node variant(Value.Variant variant, String typeName, CallContext context) {
        if (variant.typeId() == callTypeId) {
            return call(variant);
        }
        List<NamedValue> fields = variant.fields();
        boolean option = variant.path().size() == 1 && variant.path().get(0).equals("Option");
        boolean multiAddressId = lastSegment(variant.path()).equals("MultiAddress") && variant.name().equals("Id");
        if ((option || multiAddressId) && fields.size() == 1) {
            return value(fields.get(0).value(), typeName, context);
        }
        if (fields.isEmpty()) {
            return Node.leaf(variant.name());
        }
        if (fields.size() == 1 && fields.get(0).name() == null) {
            Node inner = value(fields.get(0).value(), fields.get(0).typeName(), context);
            if (inner.children().isEmpty()) {
                return Node.leaf(variant.name() + "(" + inner.text() + ")");
            }
            return new Node(variant.name(), inner.children());
        }
        List<Node> children = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (!(fields.get(i).value() instanceof Value.Void)) {
                children.add(field(fields.get(i), i, context));
            }
        }
        return new Node(variant.name(), children);
    }

    private Node sequence(Value.Sequence sequence, String typeName, CallContext context) {
        List<Value> elements = sequence.elements();
        boolean calls = sequence.element().isPerId() && sequence.element().id() == callTypeId;
        if (elements.isEmpty()) {
            return Node.leaf(calls ? "no calls" : "none");
        }
        String noun = calls ? (elements.size() == 1 ? "call" : "calls") : (elements.size() == 1 ? "item" : "items");
        if (calls) {
            List<Node> children = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                children.add(value(elements.get(i), null, context).labelled("call " + (i + 1)));
            }
            return new Node(elements.size() + " " + noun, children);
        }
        return indexed(elements.size() + " " + noun, elements, elementTypeName(typeName), context);
    }

    private Node indexed(String text, List<Value> elements, String typeName, CallContext context) {
        List<Node> children = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            children.add(value(elements.get(i), typeName, context).labelled(Integer.toString(i + 1)));
        }
        return new Node(text, children);
    }

    private Node field(NamedValue field, int position, CallContext context) {
        String label = field.name() != null ? field.name() : Integer.toString(position + 1);
        return value(field.value(), field.typeName(), context).labelled(label);
    }

    /** Whether a call takes an asset id, and the id's text when it is a plain number. */
    private CallContext contextOf(String pallet, List<NamedValue> arguments) {
        NamedValue assetArgument = null;
        for (NamedValue argument : arguments) {
            if (TypeNames.isAssetId(argument.name(), argument.typeName())) {
                assetArgument = argument;
                break;
            }
        }
        if (assetArgument == null) {
            return TypeNames.isAssetPallet(pallet) ? new CallContext(true, null) : CallContext.NATIVE;
        }
        Node id = value(assetArgument.value(), assetArgument.typeName(), CallContext.NATIVE);
        String label = assetArgument.name() != null ? assetArgument.name() : "its asset argument";
        return new CallContext(true, id.children().isEmpty() && !id.text().isEmpty() ? id.text() : "in " + label);
    }

    private static boolean isAccountId32(Value.Composite composite) {
        return lastSegment(composite.path()).equals("AccountId32") && composite.fields().size() == 1
                && composite.fields().get(0).value() instanceof Value.Bytes bytes && bytes.length() == 32;
    }

    private String account(byte[] accountId) {
        return prefix != null ? Ss58.encode(accountId, prefix) : Hex.toHex(accountId);
    }

    private static String bytes(byte[] bytes) {
        if (bytes.length <= MAX_INLINE_BYTES) {
            return Hex.toHex(bytes);
        }
        return bytes.length + " bytes, blake2b-256 " + Hex.toHex(Blake2b.hash256(bytes));
    }

    private static String bits(Value.Bits bits) {
        byte[] store = bits.store();
        if (bits.bitCount() > MAX_INLINE_BITS) {
            return bits.bitCount() + " bits, blake2b-256 " + Hex.toHex(Blake2b.hash256(store));
        }
        StringBuilder text = new StringBuilder("0b");
        for (int i = 0; i < bits.bitCount(); i++) {
            int unit = i / (bits.storeBytes() * 8);
            int bitInUnit = i % (bits.storeBytes() * 8);
            // Store units are little-endian integers; Lsb0 counts from their low bit, Msb0 from their high bit.
            int bitOfUnit = bits.leastSignificantBitFirst() ? bitInUnit : bits.storeBytes() * 8 - 1 - bitInUnit;
            int bit = (store[unit * bits.storeBytes() + bitOfUnit / 8] >> (bitOfUnit % 8)) & 1;
            text.append(bit);
        }
        return bits.bitCount() + " bits " + text;
    }

    /** {@code Vec<BalanceOf<T>>} → {@code BalanceOf<T>}, so that the elements are amounts too. */
    private static String elementTypeName(String typeName) {
        if (typeName == null) {
            return null;
        }
        for (String wrapper : new String[] {"Vec<", "BoundedVec<"}) {
            if (typeName.startsWith(wrapper) && typeName.endsWith(">")) {
                String inner = typeName.substring(wrapper.length(), typeName.length() - 1);
                int comma = inner.lastIndexOf(',');
                return (wrapper.equals("BoundedVec<") && comma > 0 ? inner.substring(0, comma) : inner).trim();
            }
        }
        return null;
    }

    private static String lastSegment(List<String> path) {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    private static Ss58Prefix validPrefix(int value) {
        return value <= Ss58Prefix.MAX_VALUE && value != 46 && value != 47 ? Ss58Prefix.of(value) : null;
    }
}
