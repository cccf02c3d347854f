package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.DerivePublicKeys;
import dev.hwbridge.protocol.message.ExportEncrypted;
import dev.hwbridge.protocol.message.ImportEncrypted;
import dev.hwbridge.protocol.message.Recover;
import dev.hwbridge.protocol.message.Setup;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.testing.Requests;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.state.InMemoryStateStore;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class DeviceLogicProperties {

    private final DeviceScreen screen = new DeviceScreen();
    private final DeviceLogic logic = new DeviceLogic(screen, new InMemoryStateStore(Devices.CHEAP_KDF, new SecureRandom()),
            DeviceInfo.fresh("", new SecureRandom()), DeviceInfoStore.inMemory(), new SecureRandom(), duration -> { },
            Duration.ofMillis(2));

    DeviceLogicProperties() {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
    }

    /** Whatever a host sends, the device ends with one final reply and an idle screen; prompts nobody answers time out. */
    @Property(tries = 300)
    void anyRequestEndsWithOneFinalReply(@ForAll("requests") Request request) {
        Response response = logic.handle(request, interim -> assertThat(Messages.isFinal(interim)).isFalse(),
                logic.newCancelSignal());
        assertThat(Messages.isFinal(response)).isTrue();
        assertThat(screen.current().input()).isEqualTo(InputKind.NONE);
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(70),
                Arbitraries.of("", "default", "x", " default "));
        Arbitrary<String> paths = Arbitraries.oneOf(Arbitraries.strings().withChars("/ab0").ofMaxLength(12),
                Arbitraries.of("", "//0", "/soft", "//a///b", "//polkadot//0"));
        Arbitrary<Integer> words = Arbitraries.of(0, 12, 13, 15, 24, -1, 1 << 20);
        Arbitrary<Integer> schemes = Arbitraries.integers().between(-1, 4);
        Arbitrary<Integer> prefixes = Arbitraries.oneOf(Arbitraries.of(0, 2, 42, 46), Arbitraries.integers());
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<Request> simple = Arbitraries.of(Request.getDefaultInstance(), Requests.features(), Requests.unlock(),
                Requests.wipe(), Requests.cancel());
        Arbitrary<Request> setup = Combinators.combine(words, text, text).as((count, label, identity) -> Request.newBuilder()
                .setSetup(Setup.newBuilder().setWordCount(count).setLabel(label).setIdentity(identity)).build());
        Arbitrary<Request> recover = Combinators.combine(words, text).as((count, identity) -> Request.newBuilder()
                .setRecover(Recover.newBuilder().setWordCount(count).setIdentity(identity)).build());
        Arbitrary<Request> derive = Combinators.combine(schemes, paths, text, flags, flags, prefixes)
                .as((scheme, path, identity, ask, show, prefix) -> Request.newBuilder().setDerivePublicKey(
                        DerivePublicKey.newBuilder().setSchemeValue(scheme).setPath(path).setIdentity(identity)
                                .setAskPassword(ask).setShow(show).setSs58Format(prefix)).build());
        Arbitrary<Request> deriveMany = Combinators.combine(schemes, paths.list().ofMaxSize(110), text)
                .as((scheme, pathList, identity) -> Request.newBuilder().setDerivePublicKeys(
                        DerivePublicKeys.newBuilder().setSchemeValue(scheme).addAllPaths(pathList).setIdentity(identity)).build());
        Arbitrary<Request> sign = Combinators.combine(schemes, paths, text, flags, Arbitraries.integers().between(-1, 3),
                payloads, prefixes).as((scheme, path, identity, ask, kind, payload, prefix) -> Request.newBuilder()
                .setSignPayload(SignPayload.newBuilder().setSchemeValue(scheme).setPath(path).setIdentity(identity)
                        .setAskPassword(ask).setKindValue(kind).setPayload(ByteString.copyFrom(payload))
                        .setSs58Format(prefix)).build());
        Arbitrary<Request> export = Combinators.combine(schemes, paths, text, text, text, prefixes)
                .as((scheme, path, identity, password, name, prefix) -> Request.newBuilder().setExportEncrypted(
                        ExportEncrypted.newBuilder().setSchemeValue(scheme).setPath(path).setIdentity(identity)
                                .setJsonPassword(password).setName(name).setSs58Format(prefix)).build());
        Arbitrary<Request> importing = Combinators.combine(text, text, text).as((json, password, identity) ->
                Request.newBuilder().setImportEncrypted(ImportEncrypted.newBuilder().setJson(json)
                        .setJsonPassword(password).setIdentity(identity)).build());
        return Arbitraries.oneOf(simple, setup, recover, derive, deriveMany, sign, export, importing);
    }

    @Property(tries = 200)
    void aDamagedDeviceInfoFileIsCorruptNeverAnotherException(@ForAll @Size(max = 300) byte[] junk) throws Exception {
        Path dir = Files.createTempDirectory("device-info");
        try {
            Files.write(dir.resolve(DeviceInfoStore.FILE_NAME), junk);
            try {
                assertThat(DeviceInfoStore.inDirectory(dir).load()).isPresent();
            } catch (dev.hwbridge.simulator.state.StateException e) {
                assertThat(e.code()).isEqualTo(dev.hwbridge.simulator.state.StateError.CORRUPT);
            }
        } finally {
            Files.deleteIfExists(dir.resolve(DeviceInfoStore.FILE_NAME));
            Files.deleteIfExists(dir);
        }
    }
}
