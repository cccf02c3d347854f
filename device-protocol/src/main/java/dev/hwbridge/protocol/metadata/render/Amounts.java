package dev.hwbridge.protocol.metadata.render;

import java.math.BigInteger;

/** Amounts of the native token in whole units: exact, no rounding, no trailing zeros. */
final class Amounts {

    private Amounts() {
    }

    /** {@code 12345000000000} with 12 decimals and KSM → {@code 12.345 KSM}. */
    static String inUnits(BigInteger planck, int decimals, String symbol) {
        String digits = planck.abs().toString();
        String sign = planck.signum() < 0 ? "-" : "";
        String whole;
        String fraction;
        if (digits.length() > decimals) {
            whole = digits.substring(0, digits.length() - decimals);
            fraction = digits.substring(digits.length() - decimals);
        } else {
            whole = "0";
            fraction = "0".repeat(decimals - digits.length()) + digits;
        }
        int end = fraction.length();
        while (end > 0 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        String units = end == 0 ? whole : whole + "." + fraction.substring(0, end);
        return symbol.isEmpty() ? sign + units : sign + units + " " + symbol;
    }
}
