package dev.hwbridge.protocol.metadata.decode;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * A SCALE value decoded with RFC-0078 type information. Composites and variants keep their type's
 * path (e.g. {@code sp_core::crypto::AccountId32}) and their RFC type id, fields their names and
 * type names, so that a renderer can tell an account from an amount.
 */
public sealed interface Value {

    /** {@code bool}. */
    record Bool(boolean value) implements Value {
    }

    /** An integer primitive or compact; {@code kind} says which. */
    record Int(BigInteger value, TypeRef.Kind kind) implements Value {
    }

    /** {@code str}. */
    record Text(String value) implements Value {
    }

    /** {@code char}: a Unicode scalar value. */
    record Char(int codePoint) implements Value {
    }

    /** A sequence or array of {@code u8}. */
    record Bytes(byte[] value) implements Value {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public int length() {
            return value.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + Hex.toHex(value) + "]";
        }
    }

    /** A bit sequence: {@code bitCount} bits in {@code store} (its raw bytes). */
    record Bits(long bitCount, byte[] store, int storeBytes, boolean leastSignificantBitFirst) implements Value {
        public Bits {
            store = store.clone();
        }

        @Override
        public byte[] store() {
            return store.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bits other && bitCount == other.bitCount && storeBytes == other.storeBytes
                    && leastSignificantBitFirst == other.leastSignificantBitFirst && Arrays.equals(store, other.store);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(bitCount) * 31 + Arrays.hashCode(store);
        }

        @Override
        public String toString() {
            return "Bits[" + bitCount + " in " + Hex.toHex(store) + "]";
        }
    }

    /** A struct (or a tuple struct: fields without names). */
    record Composite(int typeId, List<String> path, List<NamedValue> fields) implements Value {
    }

    /** The variant of an enum that the data chose. */
    record Variant(int typeId, List<String> path, String name, int index, List<NamedValue> fields) implements Value {
    }

    /** A sequence or array of anything but {@code u8}; {@code element} is the element type. */
    record Sequence(int typeId, List<String> path, TypeRef element, List<Value> elements) implements Value {
    }

    /** A tuple. */
    record Tuple(int typeId, List<Value> elements) implements Value {
    }

    /** Nothing: the void type ref, encoded in zero bytes. */
    record Void() implements Value {
    }
}
