package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the device can read from a Substrate signing payload without the chain's metadata, for the
 * confirmation screen. Never fails: what it cannot read for sure it reports as "could not decode".
 *
 * <p>A signing payload is {@code call ‖ era ‖ nonce ‖ tip ‖ [mode] ‖ specVersion u32 ‖
 * txVersion u32 ‖ genesisHash 32 ‖ blockHash 32 ‖ [metadataHash Option<[u8;32]>]}, the bracketed
 * parts present on chains with CheckMetadataHash (mode 0 with {@code None}, mode 1 with
 * {@code Some}). The call's length is unknown without metadata, so the payload is read from the
 * end: each of the three tail layouts that fits (and gives a transaction version that fits in
 * 16 bits) is a candidate, and then every way {@code era ‖ compact nonce ‖ compact tip} (canonical
 * SCALE compacts, a valid era) can end where the tail starts. A field is shown only when every
 * candidate agrees on it; otherwise it "could not decode". Chains with further signed extensions
 * between tip and spec version (e.g. asset-based fees) are read as if they had none.
 */
final class PayloadSummary {

    static final String UNKNOWN = "could not decode";
    private static final int HASH = 32;
    private static final int FIXED_TAIL = 4 + 4 + HASH + HASH;
    private static final int MAX_TX_VERSION = 0xFFFF;
    /** A call has at least its pallet and call index. */
    private static final int MIN_CALL = 2;
    private static final int MAX_NONCE_BYTES = 9;
    private static final int MAX_TIP_BYTES = 17;

    private PayloadSummary() {
    }

    /** The screen lines: era/nonce/tip, spec and transaction version, genesis hash. */
    static List<String> lines(byte[] payload) {
        List<Tail> tails = tails(payload);
        Optional<Tail> tail = tails.size() == 1 ? Optional.of(tails.get(0)) : Optional.empty();
        List<Extra> extras = tail.map(t -> extras(payload, t.extraEnd())).orElse(List.of());
        String era = agreed(extras, Extra::era).orElse(UNKNOWN);
        String nonce = agreed(extras, extra -> extra.nonce().toString()).orElse(UNKNOWN);
        String tip = agreed(extras, extra -> extra.tip().toString()).orElse(UNKNOWN);
        List<String> lines = new ArrayList<>();
        lines.add(label("era", era) + ", " + label("nonce", nonce) + ", " + label("tip", tip));
        lines.add(tail.map(t -> "spec " + t.specVersion() + ", tx version " + t.txVersion())
                .orElse("spec and tx version: " + UNKNOWN));
        lines.add(tail.map(t -> "genesis " + Hex.toHex(t.genesisHash())).orElse("genesis: " + UNKNOWN));
        return lines;
    }

    /** Where the fixed tail starts, and what it says. */
    record Tail(int extraEnd, long specVersion, long txVersion, byte[] genesisHash) {
    }

    /** One reading of era ‖ nonce ‖ tip. */
    record Extra(String era, BigInteger nonce, BigInteger tip) {
    }

    static List<Tail> tails(byte[] payload) {
        int n = payload.length;
        List<Tail> tails = new ArrayList<>();
        // No CheckMetadataHash.
        addTail(tails, payload, n - FIXED_TAIL, n - FIXED_TAIL);
        // Mode 0 ‖ … ‖ None.
        if (n >= FIXED_TAIL + 2 && payload[n - 1] == 0 && payload[n - FIXED_TAIL - 2] == 0) {
            addTail(tails, payload, n - 1 - FIXED_TAIL, n - FIXED_TAIL - 2);
        }
        // Mode 1 ‖ … ‖ Some(hash).
        int withHash = FIXED_TAIL + 2 + HASH;
        if (n >= withHash && payload[n - HASH - 1] == 1 && payload[n - withHash] == 1) {
            addTail(tails, payload, n - HASH - 1 - FIXED_TAIL, n - withHash);
        }
        return tails;
    }

    private static void addTail(List<Tail> tails, byte[] payload, int tailStart, int extraEnd) {
        if (extraEnd < MIN_CALL + 3) {
            return;
        }
        long spec = u32(payload, tailStart);
        long tx = u32(payload, tailStart + 4);
        if (tx > MAX_TX_VERSION) {
            return;
        }
        byte[] genesis = Arrays.copyOfRange(payload, tailStart + 8, tailStart + 8 + HASH);
        tails.add(new Tail(extraEnd, spec, tx, genesis));
    }

    /** Every reading of era ‖ compact nonce ‖ compact tip that ends exactly at {@code end}. */
    static List<Extra> extras(byte[] payload, int end) {
        List<Extra> extras = new ArrayList<>();
        for (int tipStart = end - 1; tipStart >= Math.max(0, end - MAX_TIP_BYTES); tipStart--) {
            Optional<BigInteger> tip = compactEndingAt(payload, tipStart, end);
            if (tip.isEmpty()) {
                continue;
            }
            for (int nonceStart = tipStart - 1; nonceStart >= Math.max(0, tipStart - MAX_NONCE_BYTES); nonceStart--) {
                Optional<BigInteger> nonce = compactEndingAt(payload, nonceStart, tipStart);
                if (nonce.isEmpty()) {
                    continue;
                }
                if (nonceStart - 1 >= MIN_CALL && payload[nonceStart - 1] == 0) {
                    extras.add(new Extra("immortal", nonce.get(), tip.get()));
                }
                if (nonceStart - 2 >= MIN_CALL) {
                    mortal(payload[nonceStart - 2], payload[nonceStart - 1])
                            .ifPresent(era -> extras.add(new Extra(era, nonce.get(), tip.get())));
                }
            }
        }
        return extras;
    }

    /** A mortal era as Substrate's {@code Era::decode} reads two bytes whose first is not 0. */
    static Optional<String> mortal(byte first, byte second) {
        if (first == 0) {
            return Optional.empty();
        }
        int encoded = (first & 0xFF) | ((second & 0xFF) << 8);
        long period = 2L << (encoded % 16);
        long quantize = Math.max(period >> 12, 1);
        long phase = (encoded >> 4) * quantize;
        if (period < 4 || phase >= period) {
            return Optional.empty();
        }
        return Optional.of("mortal (period " + period + ", phase " + phase + ")");
    }

    /** The canonical SCALE compact that occupies exactly {@code [start, end)}, if there is one. */
    static Optional<BigInteger> compactEndingAt(byte[] payload, int start, int end) {
        int first = payload[start] & 0xFF;
        int length = end - start;
        switch (first & 3) {
            case 0:
                return length == 1 ? Optional.of(BigInteger.valueOf(first >> 2)) : Optional.empty();
            case 1: {
                if (length != 2) {
                    return Optional.empty();
                }
                long value = (first | ((payload[start + 1] & 0xFF) << 8)) >> 2;
                return value >= 1 << 6 ? Optional.of(BigInteger.valueOf(value)) : Optional.empty();
            }
            case 2: {
                if (length != 4) {
                    return Optional.empty();
                }
                long value = u32(payload, start) >> 2;
                return value >= 1 << 14 ? Optional.of(BigInteger.valueOf(value)) : Optional.empty();
            }
            default: {
                int bytes = (first >> 2) + 4;
                if (length != 1 + bytes || payload[end - 1] == 0) {
                    return Optional.empty();
                }
                byte[] bigEndian = new byte[bytes + 1];
                for (int i = 0; i < bytes; i++) {
                    bigEndian[bytes - i] = payload[start + 1 + i];
                }
                BigInteger value = new BigInteger(bigEndian);
                return value.bitLength() > 30 ? Optional.of(value) : Optional.empty();
            }
        }
    }

    private static <T> Optional<String> agreed(List<T> readings, Function<T, String> field) {
        List<String> values = readings.stream().map(field).distinct().toList();
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static String label(String name, String value) {
        return UNKNOWN.equals(value) ? name + ": " + UNKNOWN : name + " " + value;
    }

    private static long u32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24;
    }
}
