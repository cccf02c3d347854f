package dev.hwbridge.simulator.device;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.message.DerivePublicKeys;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.PublicKeys;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.error.SignerException;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the public keys of several paths of one identity (a wallet looking for its accounts):
 * what {@link DeriveFlow} does for each, without showing anything or asking for a password, in
 * one exchange instead of one per key. Every path is checked before the first key is derived.
 * The junctions all paths start with ({@code //polkadot} of {@code //polkadot//0} …) are derived
 * once for the page: each key then costs only its own junctions.
 */
final class DeriveManyFlow {

    /** The most paths one request may name (PROTOCOL.md §5); the daemon asks at most 100 per page. */
    static final int MAX_PATHS = 100;

    private final DeviceContext context;

    DeriveManyFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(DerivePublicKeys request, UserIo io) {
        int count = request.getPathsCount();
        if (count == 0 || count > MAX_PATHS) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, "a request names 1 to " + MAX_PATHS + " paths");
        }
        List<AccountSpec> specs = new ArrayList<>(count);
        for (String path : request.getPathsList()) {
            // No address is shown, so the SS58 prefix is never used.
            specs.add(AccountSpec.of(request.getScheme(), path, request.getIdentity(), false, Ss58Prefix.SUBSTRATE.value()));
        }
        Identity identity = AccountKeys.identity(context, specs.get(0).identity());
        io.working("Deriving " + count + (count == 1 ? " key" : " keys"));
        int shared = sharedJunctions(specs);
        AccountSpec first = specs.get(0);
        AccountSpec common = new AccountSpec(first.scheme(), new DerivationPath(first.path().junctions().subList(0, shared)),
                first.identity(), false, first.prefix());
        PublicKeys.Builder keys = PublicKeys.newBuilder().setScheme(request.getScheme());
        try (KeyPair base = AccountKeys.openWithoutPassword(identity, common)) {
            for (AccountSpec spec : specs) {
                io.checkCancelled();
                List<Junction> junctions = spec.path().junctions();
                try (KeyPair pair = Keys.derive(base, new DerivationPath(junctions.subList(shared, junctions.size())))) {
                    keys.addPublicKeys(ByteString.copyFrom(pair.publicKey()));
                } catch (SignerException e) {
                    throw FailureCodes.failure(e);
                }
            }
        }
        return Response.newBuilder().setPublicKeys(keys).build();
    }

    /** How many junctions, from the first, every path has in common. */
    private static int sharedJunctions(List<AccountSpec> specs) {
        List<Junction> first = specs.get(0).path().junctions();
        int shared = first.size();
        for (AccountSpec spec : specs) {
            List<Junction> junctions = spec.path().junctions();
            int same = 0;
            while (same < shared && same < junctions.size() && junctions.get(same).equals(first.get(same))) {
                same++;
            }
            shared = same;
        }
        return shared;
    }
}
