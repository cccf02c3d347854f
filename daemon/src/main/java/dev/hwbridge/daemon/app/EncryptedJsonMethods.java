package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionManager;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.message.ExportEncrypted;
import dev.hwbridge.protocol.message.ImportEncrypted;
import dev.hwbridge.protocol.message.KeySchemes;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.PublicKey;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code account.exportEncrypted} and {@code account.importEncrypted}: polkadot-js JSON v3 files,
 * encrypted and decrypted on the device after the user confirms there. The file password passes
 * through the daemon (the one secret that does: SECURITY.md, "The one exception") and is never logged or kept.
 */
final class EncryptedJsonMethods implements MethodGroup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionManager sessions;
    private final SeedFingerprints fingerprints;

    EncryptedJsonMethods(SessionManager sessions, SeedFingerprints fingerprints) {
        this.sessions = sessions;
        this.fingerprints = fingerprints;
    }

    @Override
    public Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new LinkedHashMap<>();
        methods.put("account.exportEncrypted", this::exportEncrypted);
        methods.put("account.importEncrypted", this::importEncrypted);
        return methods;
    }

    /**
     * {@code {session, scheme, path, password, identity?, passphrase?, name?, ss58Format?}} → the
     * JSON v3 file as an object.
     */
    private JsonNode exportEncrypted(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "scheme", "path", "password", "identity", "passphrase", "name",
                "ss58Format"));
        Session session = SessionMethods.session(params, sessions, client);
        KeyScheme scheme = Fields.scheme(params);
        DerivationPath path = Fields.path(params, "path", scheme);
        ExportEncrypted export = ExportEncrypted.newBuilder()
                .setScheme(KeySchemes.toProto(scheme))
                .setPath(path.toString())
                .setIdentity(Fields.identity(params))
                .setAskPassword(params.flag("passphrase"))
                .setJsonPassword(params.text("password", Fields.MAX_PASSWORD))
                .setName(params.optionalText("name", Fields.MAX_NAME).orElse(""))
                .setSs58Format(Fields.optionalSs58Format(params).value())
                .build();
        String file = DeviceCalls.run(session, client, Request.newBuilder().setExportEncrypted(export).build(),
                Response.BodyCase.ENCRYPTED_JSON).getEncryptedJson().getJson();
        try {
            JsonNode parsed = JSON.readTree(file);
            if (parsed == null || !parsed.isObject()) {
                throw new RpcException(RpcError.DEVICE_ERROR, "the device's JSON file is not an object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new RpcException(RpcError.DEVICE_ERROR, "the device's JSON file does not parse");
        }
    }

    /**
     * {@code {session, json, password, identity?}} → {@code {address, publicKey, scheme, identity}}:
     * the device keeps the key as a new identity, named by {@code identity} or chosen by the device.
     */
    private JsonNode importEncrypted(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "json", "password", "identity"));
        Session session = SessionMethods.session(params, sessions, client);
        JsonNode file = params.node("json");
        String text = file.isTextual() ? file.textValue() : file.toString();
        if (!(file.isObject() || file.isTextual()) || text.length() > Messages.MAX_SIZE) {
            throw new RpcException(RpcError.INVALID_JSON, "json must be a polkadot-js JSON file (object or text) of at most "
                    + Messages.MAX_SIZE + " bytes", Fields.fieldData("json"));
        }
        String password = params.text("password", Fields.MAX_PASSWORD);
        String identity = Fields.identity(params);
        List<String> before = DeviceCalls.features(session, client).getIdentitiesList();
        ImportEncrypted request = ImportEncrypted.newBuilder()
                .setJson(text)
                .setJsonPassword(password)
                .setIdentity(identity)
                .build();
        PublicKey key;
        try {
            key = DeviceCalls.run(session, client, Request.newBuilder().setImportEncrypted(request).build(),
                    Response.BodyCase.PUBLIC_KEY).getPublicKey();
        } finally {
            fingerprints.forget(session);
        }
        KeyScheme scheme;
        try {
            scheme = KeySchemes.fromProto(key.getScheme());
        } catch (MessageException e) {
            throw new RpcException(RpcError.DEVICE_ERROR, "the device imported a key of an unknown scheme");
        }
        DerivedAccount account = new DerivedAccount(scheme, DerivationPath.empty().toString(), prefixOf(file, text),
                KeyRequests.checked(key, scheme));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("address", account.address());
        result.put("publicKey", Hex.toHex(account.publicKey()));
        result.put("scheme", scheme.id());
        result.put("identity", identity.isEmpty() ? newIdentity(before, DeviceCalls.features(session, client).getIdentitiesList())
                : identity);
        return result;
    }

    /** The identity the import added: the one name that was not there before (null if the device does not say). */
    private static String newIdentity(List<String> before, List<String> after) {
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        return added.size() == 1 ? added.get(0) : null;
    }

    /** The prefix of the file's own SS58 address, else polkadot-js's default 42 (ecdsa files hold a hex key). */
    private static Ss58Prefix prefixOf(JsonNode file, String text) {
        JsonNode object = file;
        if (file.isTextual()) {
            try {
                object = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return Ss58Prefix.SUBSTRATE;
            }
        }
        JsonNode address = object == null ? null : object.get("address");
        if (address == null || !address.isTextual()) {
            return Ss58Prefix.SUBSTRATE;
        }
        try {
            return Ss58.decode(address.textValue()).prefix();
        } catch (FormatException e) {
            return Ss58Prefix.SUBSTRATE;
        }
    }
}
