package dev.hwbridge.protocol.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The derivation-path part of a polkadot-js secret URI: junctions {@code //hard} and {@code /soft}
 * in order, as {@code keyExtractPath} reads them. A path never carries a {@code ///password}.
 *
 * <p>The text is taken as given; polkadot-js NFC-normalises a whole secret URI before splitting
 * it, so whoever parses a full URI normalises first.
 *
 * @param junctions the junctions, outermost first
 */
public record DerivationPath(List<Junction> junctions) {

    /** Longest path text accepted (characters). */
    public static final int MAX_LENGTH = 4096;
    /** Most junctions in one path; deriving each costs the signer time. */
    public static final int MAX_JUNCTIONS = 128;

    private static final DerivationPath EMPTY = new DerivationPath(List.of());

    /**
     * @throws FormatException INVALID_PATH above {@link #MAX_JUNCTIONS} or {@link #MAX_LENGTH}, or for
     *                         a junction whose text is empty or contains {@code '/'}
     */
    public DerivationPath {
        junctions = List.copyOf(junctions);
        if (junctions.size() > MAX_JUNCTIONS) {
            throw tooManyJunctions();
        }
        int length = 0;
        for (Junction junction : junctions) {
            String text = junction.text();
            // Junction's own constructor takes any text; only these print back to the same path.
            if (text.isEmpty() || text.indexOf('/') >= 0) {
                throw new FormatException(FormatError.INVALID_PATH,
                        "a junction is non-empty and contains no '/'");
            }
            length += text.length() + (junction.hard() ? 2 : 1);
        }
        if (length > MAX_LENGTH) {
            throw tooLong();
        }
    }

    /** The path with no junctions. */
    public static DerivationPath empty() {
        return EMPTY;
    }

    /**
     * Parses path text such as {@code "//polkadot//0/soft"}; {@code ""} is the empty path.
     * Accepts exactly what polkadot-js {@code keyExtractPath} accepts (within our bounds).
     *
     * @throws FormatException INVALID_PATH for anything else: text not starting with {@code /}, an
     *                         empty junction (so also {@code ///} and a trailing slash), or a bound
     *                         exceeded. The message never repeats the text: it may hold a password.
     */
    public static DerivationPath parse(String path) {
        if (path == null) {
            throw new FormatException(FormatError.INVALID_PATH, "no derivation path given");
        }
        if (path.length() > MAX_LENGTH) {
            throw tooLong();
        }
        List<Junction> junctions = new ArrayList<>();
        int at = 0;
        while (at < path.length()) {
            if (path.charAt(at) != '/') {
                throw new FormatException(FormatError.INVALID_PATH,
                        "a derivation path is a sequence of //hard and /soft junctions");
            }
            at++;
            boolean hard = at < path.length() && path.charAt(at) == '/';
            if (hard) {
                at++;
            }
            int end = path.indexOf('/', at);
            if (end < 0) {
                end = path.length();
            }
            if (end == at) {
                throw new FormatException(FormatError.INVALID_PATH,
                        "a derivation path has an empty junction (a '///' suffix never belongs in a path)");
            }
            if (junctions.size() == MAX_JUNCTIONS) {
                throw tooManyJunctions();
            }
            junctions.add(Junction.parse(path.substring(at, end), hard));
            at = end;
        }
        return new DerivationPath(junctions);
    }

    public boolean isEmpty() {
        return junctions.isEmpty();
    }

    /** Whether any junction is soft; only sr25519 can derive those. */
    public boolean hasSoftJunction() {
        for (Junction junction : junctions) {
            if (!junction.hard()) {
                return true;
            }
        }
        return false;
    }

    /** This path followed by {@code junction}. */
    public DerivationPath append(Junction junction) {
        Objects.requireNonNull(junction, "junction");
        List<Junction> longer = new ArrayList<>(junctions.size() + 1);
        longer.addAll(junctions);
        longer.add(junction);
        return new DerivationPath(longer);
    }

    /** The canonical path text, e.g. {@code "//polkadot/0"}; {@code ""} for the empty path. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Junction junction : junctions) {
            text.append(junction);
        }
        return text.toString();
    }

    private static FormatException tooLong() {
        return new FormatException(FormatError.INVALID_PATH,
                "a derivation path has at most " + MAX_LENGTH + " characters");
    }

    private static FormatException tooManyJunctions() {
        return new FormatException(FormatError.INVALID_PATH,
                "a derivation path has at most " + MAX_JUNCTIONS + " junctions");
    }
}
