package dev.hwbridge.security;

import java.security.SecureRandom;

/**
 * The simulated device's random source with one seam: {@link #nextSeed} makes the next request
 * of exactly that many bytes (a new seed's entropy, e.g. 16 bytes for 12 words) return the given
 * entropy, once. Every other request, and that one if never made, comes from a real
 * {@link SecureRandom}; smaller requests (channel ids, the picks of the backup check, nonces)
 * never match a 16-byte seed. A test that uses it checks the words the device shows.
 */
final class ChosenSeedRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final SecureRandom real = new SecureRandom();
    private byte[] next;

    synchronized void nextSeed(byte[] entropy) {
        next = entropy.clone();
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        if (next != null && bytes.length == next.length) {
            System.arraycopy(next, 0, bytes, 0, next.length);
            next = null;
            return;
        }
        real.nextBytes(bytes);
    }
}
