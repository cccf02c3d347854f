package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.proof.PayloadVerifier;
import dev.hwbridge.protocol.metadata.proof.VerifiedPayload;
import dev.hwbridge.protocol.metadata.render.RenderedTransaction;
import dev.hwbridge.protocol.metadata.render.TransactionRenderer;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clear signing (PROTOCOL.md §11): a transaction whose RFC-0078 metadata proof checks out against
 * the hash in its own {@code CheckMetadataHash} data, shown as pages the user steps through: the
 * chain, the signing account, the call with every argument, the extensions, and a last page that
 * signs. Stateless.
 */
public final class TransactionPages {

    /** One screen. */
    public record Page(String title, List<String> lines) {
        public Page {
            lines = List.copyOf(lines);
        }
    }

    /** What a small screen holds at once. */
    static final int LINES_PER_PAGE = 6;
    static final String LAST_TITLE = "Sign transaction";
    private static final Set<String> EXTENSION_LINES = Set.of("mortality: ", "nonce: ", "tip: ", "fee asset");

    private TransactionPages() {
    }

    /**
     * @throws FlowFailure METADATA_MISMATCH saying why the proof does not vouch for the payload
     */
    static VerifiedPayload verify(byte[] proof, byte[] payload) {
        try {
            return PayloadVerifier.verify(proof, payload, null);
        } catch (MetadataException e) {
            throw new FlowFailure(Failure.Code.METADATA_MISMATCH,
                    "the metadata proof does not check out: " + e.getMessage() + " (" + e.code() + ")");
        }
    }

    /**
     * The pages for a verified transaction.
     *
     * @param account     shows the signing address in the chain's SS58 format
     * @param signedBytes how many bytes the payload has (over 256 its blake2b-256 is signed)
     * @throws FlowFailure INVALID_PAYLOAD when the transaction is too long to show
     */
    static List<Page> of(VerifiedPayload verified, AddressFormat account, String keyLine, int signedBytes) {
        try {
            return pages(verified, account, keyLine, signedBytes);
        } catch (MetadataException e) {
            throw new FlowFailure(Failure.Code.INVALID_PAYLOAD, "the transaction cannot be shown: " + e.getMessage());
        }
    }

    /**
     * As {@link #of}, for other personalities (the Ledger app) that answer in their own terms.
     *
     * @throws MetadataException when the transaction cannot be rendered
     */
    public static List<Page> pages(VerifiedPayload verified, AddressFormat account, String keyLine, int signedBytes) {
        RenderedTransaction rendered = TransactionRenderer.render(verified);
        ExtraInfo info = verified.proof().extraInfo();
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("Chain", List.of(info.specName(), "spec version " + info.specVersion())));
        pages.add(new Page("Account", List.of(account.address(chainPrefix(info)), keyLine)));
        List<String> lines = rendered.lines();
        int extensionsStart = extensionsStart(lines);
        addPages(pages, rendered.call(), lines.subList(0, extensionsStart), List.of("no arguments"));
        addPages(pages, "Transaction", lines.subList(extensionsStart, lines.size()), List.of("no extensions"));
        List<String> last = new ArrayList<>(List.of(rendered.call(), "on " + info.specName() + " " + info.specVersion(),
                "metadata " + Hex.toHex(verified.metadataHash())));
        if (signedBytes > SigningMessage.MAX_UNHASHED) {
            last.add(signedBytes + " bytes: their blake2b-256 is signed");
        }
        pages.add(new Page(LAST_TITLE, last));
        return pages;
    }

    /** The address of the signing key in a given format. */
    @FunctionalInterface
    public interface AddressFormat {
        String address(Ss58Prefix prefix);
    }

    /** The chain's own prefix, from the verified metadata; 42 if it is not one an address can have. */
    private static Ss58Prefix chainPrefix(ExtraInfo info) {
        try {
            return Ss58Prefix.of(info.base58Prefix());
        } catch (FormatException e) {
            return Ss58Prefix.SUBSTRATE;
        }
    }

    /**
     * Where the renderer's extension lines (mortality, nonce, tip, fee asset and its nested lines)
     * begin: they come last, after the call's arguments.
     */
    private static int extensionsStart(List<String> lines) {
        int start = lines.size();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (EXTENSION_LINES.stream().anyMatch(line::startsWith)) {
                start = i;
            } else if (!line.startsWith(" ")) {
                break;
            }
        }
        return start;
    }

    private static void addPages(List<Page> pages, String title, List<String> lines, List<String> whenEmpty) {
        if (lines.isEmpty()) {
            pages.add(new Page(title, whenEmpty));
            return;
        }
        for (int from = 0; from < lines.size(); from += LINES_PER_PAGE) {
            pages.add(new Page(title, lines.subList(from, Math.min(lines.size(), from + LINES_PER_PAGE))));
        }
    }
}
