package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.EncryptedJson;
import dev.hwbridge.protocol.message.ExportEncrypted;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.error.SignerException;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keystore.JsonKeystore;
import java.util.Arrays;
import java.util.List;

/**
 * The one way a key leaves the device: a polkadot-js JSON v3 file encrypted on the device under
 * the password the host chose, after the user confirms a warning that says so.
 */
final class ExportFlow {

    private final DeviceContext context;

    ExportFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(ExportEncrypted request, UserIo io) {
        AccountSpec spec = AccountSpec.of(request);
        if (request.getJsonPassword().isEmpty()) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, "an encrypted export needs a JSON password");
        }
        String name = IdentityNames.check(request.getName(), "an account name");
        try (KeyPair pair = AccountKeys.open(context, io, spec)) {
            byte[] publicKey = pair.publicKey();
            io.require(ButtonRequest.Kind.EXPORT, "Export account", List.of(
                    "The key will leave the device",
                    AccountKeys.address(spec.scheme(), publicKey, spec.prefix()),
                    spec.scheme().id() + " " + spec.pathText()));
            io.working("Encrypting");
            byte[] password = JsonKeystore.passwordBytes(request.getJsonPassword());
            byte[] secret = pair.pkcs8Secret();
            try {
                String json = JsonKeystore.export(spec.scheme(), secret, publicKey, password,
                        name.isEmpty() ? null : name, spec.prefix());
                return Response.newBuilder().setEncryptedJson(EncryptedJson.newBuilder().setJson(json)).build();
            } catch (SignerException e) {
                throw FailureCodes.failure(e);
            } finally {
                Arrays.fill(password, (byte) 0);
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
