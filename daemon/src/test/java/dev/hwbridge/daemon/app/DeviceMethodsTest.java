package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.device.Replies;
import dev.hwbridge.daemon.rpc.RecordingClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceMethodsTest {

    private final List<Session> seedChanges = new ArrayList<>();
    private final Fixture fixture = new Fixture();

    {
        fixture.with(new DeviceMethods(fixture.devices, fixture.sessions, fixture.events, seedChanges::add))
                .with(new SessionMethods(fixture.sessions));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void listShowsEachDeviceWithItsSession() throws Exception {
        assertThat(fixture.call("device.list", null)).isEmpty();
        fixture.plug();

        JsonNode free = fixture.call("device.list", "{}");
        String session = fixture.acquire();
        JsonNode held = fixture.call("device.list", "{}");

        assertThat(free.toString()).isEqualTo(
                "[{\"id\":\"1\",\"kind\":\"hwbridge\",\"transport\":\"udp\",\"label\":\"Alice's\",\"model\":\"hwbridge-sim\","
                        + "\"appVersion\":null,\"schemes\":[\"sr25519\",\"ed25519\",\"ecdsa\"],\"session\":null}]");
        assertThat(held.get(0).get("session").asText()).isEqualTo(session);
    }

    @Test
    void subscribeReturnsTheListAndThenReportsAttachAndDetach() throws Exception {
        JsonNode list = fixture.call("device.subscribe", null);
        assertThat(list).isEmpty();

        fixture.plug();
        fixture.bus.unplug("sim");

        JsonNode attached = fixture.client.assertNext("device.attached");
        assertThat(attached.get("id").asText()).isEqualTo("1");
        assertThat(attached.get("transport").asText()).isEqualTo("udp");
        assertThat(fixture.client.assertNext("device.detached").get("id").asText()).isEqualTo("1");
        fixture.client.assertExhausted();
    }

    @Test
    void aClosedSubscriberHearsNothingMore() throws Exception {
        RecordingClient other = new RecordingClient("c2");
        fixture.call(other, "device.subscribe", "{}");
        other.close();

        fixture.plug();

        other.assertExhausted();
    }

    @Test
    void pingEchoesItsDataWithoutASession() throws Exception {
        fixture.plug();

        JsonNode echo = fixture.call("device.ping", "{\"device\":\"1\",\"data\":\"0x00ff10\"}");
        JsonNode empty = fixture.call("device.ping", "{\"device\":\"1\"}");

        assertThat(echo.toString()).isEqualTo("{\"data\":\"0x00ff10\"}");
        assertThat(empty.toString()).isEqualTo("{\"data\":\"0x\"}");
        assertThat(fixture.device.pings()).hasSize(2);
    }

    @Test
    void pingOfAnUnknownDeviceIsDeviceGone() throws Exception {
        fixture.fails("device.ping", "{\"device\":\"9\"}", RpcError.DEVICE_GONE);
    }

    @Test
    void pingDataMustBeShortHex() throws Exception {
        fixture.plug();
        String tooLong = "0x" + "ab".repeat(DeviceMethods.MAX_PING_BYTES + 1);

        Fixture.assertInvalidParam(() -> fixture.call("device.ping", "{\"device\":\"1\",\"data\":\"0xabc\"}"), "data");
        Fixture.assertInvalidParam(() -> fixture.call("device.ping", "{\"device\":\"1\",\"data\":\"" + tooLong + "\"}"), "data");
        assertThat(fixture.device.pings()).isEmpty();
    }

    @Test
    void featuresAreReportedWithTheirPublicFieldsOnly() throws Exception {
        fixture.plug();
        String session = fixture.acquire();
        fixture.device.enqueue(Replies.features("Alice's", true, false, List.of("main", "travel")));

        JsonNode features = fixture.call("device.features", "{\"session\":\"" + session + "\"}");

        assertThat(features.toString()).isEqualTo("{\"deviceId\":\"dev-1\",\"label\":\"Alice's\",\"model\":\"hwbridge-sim\","
                + "\"firmwareVersion\":\"0.1.0\",\"initialized\":true,\"locked\":false,\"identities\":[\"main\",\"travel\"],"
                + "\"schemes\":[\"sr25519\",\"ed25519\",\"ecdsa\"],\"blindSigning\":true}");
    }

    @Test
    void settingsAsksTheDeviceForTheChangeAndReturnsTheFeaturesItAnswers() throws Exception {
        fixture.plug();
        String session = fixture.acquire();
        Response off = Response.newBuilder().setFeatures(Replies.features("Alice's", true, false, List.of("main"))
                .getFeatures().toBuilder().setBlindSigningDisabled(true)).build();
        fixture.device.enqueue(off, Replies.confirm("Turn blind signing off?"))
                .enqueue(Replies.features("Alice's", true, false, List.of("main")));

        JsonNode changed = fixture.call("device.settings", "{\"session\":\"" + session + "\",\"blindSigning\":false}");
        JsonNode asked = fixture.call("device.settings", "{\"session\":\"" + session + "\"}");

        assertThat(changed.get("blindSigning").asBoolean()).isFalse();
        assertThat(asked.get("blindSigning").asBoolean()).isTrue();
        assertThat(fixture.client.assertNext("device.prompt").get("title").asText()).isEqualTo("Turn blind signing off?");
        Request first = fixture.device.takeRequest();
        assertThat(first.getApplySettings().hasBlindSigning()).isTrue();
        assertThat(first.getApplySettings().getBlindSigning()).isFalse();
        assertThat(fixture.device.takeRequest().getApplySettings().hasBlindSigning()).isFalse();
        Fixture.assertInvalidParam(() -> fixture.call("device.settings",
                "{\"session\":\"" + session + "\",\"blindSigning\":\"off\"}"), "blindSigning");
    }

    @Test
    void unlockRelaysThePinPromptAndReturnsTheUnlockedFeatures() throws Exception {
        fixture.plug();
        String session = fixture.acquire();
        fixture.device.enqueue(Replies.success(), Replies.input(InputRequest.Kind.PIN, "Enter PIN"))
                .enqueue(Replies.features("Alice's", true, false, List.of("main")));

        JsonNode features = fixture.call("device.unlock", "{\"session\":\"" + session + "\"}");

        assertThat(features.get("locked").asBoolean()).isFalse();
        JsonNode prompt = fixture.client.assertNext("device.prompt");
        assertThat(prompt.toString()).isEqualTo("{\"device\":\"1\",\"session\":\"" + session
                + "\",\"kind\":\"pin\",\"title\":\"Enter PIN\",\"lines\":[]}");
        assertThat(fixture.device.takeRequest().hasUnlock()).isTrue();
        assertThat(seedChanges).isEmpty();
    }

    @Test
    void setupSendsItsParamsAndTellsThatSeedsChanged() throws Exception {
        fixture.plug();
        String session = fixture.acquire();
        fixture.device.enqueue(Replies.success(), Replies.confirm("Create a new seed?"))
                .enqueue(Replies.features("Travel", true, false, List.of("main")));

        fixture.call("device.setup", "{\"session\":\"" + session + "\",\"wordCount\":24,\"label\":\"Travel\",\"identity\":\"main\"}");

        Request sent = fixture.device.takeRequest();
        assertThat(sent.getSetup().getWordCount()).isEqualTo(24);
        assertThat(sent.getSetup().getLabel()).isEqualTo("Travel");
        assertThat(sent.getSetup().getIdentity()).isEqualTo("main");
        assertThat(seedChanges).extracting(Session::id).containsExactly(session);
        assertThat(fixture.call("device.list", "{}").get(0).get("label").asText()).isEqualTo("Travel");
    }

    @Test
    void recoverRelaysWordPromptsWithTheirProgress() throws Exception {
        fixture.plug();
        String session = fixture.acquire();
        fixture.device.enqueue(Replies.success(),
                        Replies.confirm("Recover a seed?"),
                        Replies.progress(1, 12, "word 1 of 12"),
                        Replies.input(InputRequest.Kind.WORD, "Word 1 of 12"))
                .enqueue(Replies.features("Alice's", true, false, List.of("main")));

        fixture.call("device.recover", "{\"session\":\"" + session + "\",\"wordCount\":12}");

        assertThat(fixture.client.assertNext("device.prompt").get("kind").asText()).isEqualTo("confirm");
        JsonNode word = fixture.client.assertNext("device.prompt");
        assertThat(word.get("kind").asText()).isEqualTo("word");
        assertThat(word.get("progress").toString()).isEqualTo("{\"current\":1,\"total\":12,\"text\":\"word 1 of 12\"}");
        assertThat(fixture.device.takeRequest().getRecover().getWordCount()).isEqualTo(12);
    }

    @Test
    void aRejectedWipeIsUserRejectedAndStillForgetsCachedSeedFacts() throws Exception {
        fixture.plug();
        String session = fixture.acquire();
        fixture.device.enqueue(Replies.failure(Failure.Code.USER_REJECTED), Replies.confirm("Erase everything?"));

        fixture.fails("device.wipe", "{\"session\":\"" + session + "\"}", RpcError.USER_REJECTED);

        assertThat(seedChanges).hasSize(1);
    }

    @Test
    void paramsAreCheckedBeforeTheDeviceIsAsked() throws Exception {
        fixture.plug();
        String session = fixture.acquire();

        Fixture.assertInvalidParam(() -> fixture.call("device.setup", "{\"session\":\"" + session + "\",\"wordCount\":13}"), "wordCount");
        Fixture.assertInvalidParam(() -> fixture.call("device.setup", "{\"session\":\"" + session + "\"}"), "wordCount");
        Fixture.assertInvalidParam(() -> fixture.call("device.wipe", "{\"session\":\"" + session + "\",\"force\":true}"), "force");
        Fixture.assertInvalidParam(() -> fixture.call("device.features", "{}"), "session");
        Fixture.assertInvalidParam(() -> fixture.call("device.features", "{\"session\":7}"), "session");
        fixture.fails("device.features", "[]", RpcError.INVALID_PARAMS);
        fixture.fails("device.features", "{\"session\":\"nope\"}", RpcError.NO_SESSION);
    }

    @Test
    void sessionMethodsAcquireAndRelease() throws Exception {
        fixture.plug();
        RecordingClient other = new RecordingClient("c2");

        String session = fixture.call("session.acquire", "{\"device\":\"1\"}").get("session").asText();
        fixture.fails("session.acquire", "{\"device\":\"1\",\"previous\":null}", RpcError.BUSY);
        String stolen = fixture.call(other, "session.acquire", "{\"device\":\"1\",\"previous\":\"" + session + "\"}")
                .get("session").asText();
        fixture.fails("session.release", "{\"session\":\"" + session + "\"}", RpcError.NO_SESSION);

        assertThat(fixture.client.assertNext("session.ended").get("reason").asText()).isEqualTo("stolen");
        assertThat(fixture.call(other, "session.release", "{\"session\":\"" + stolen + "\"}").isNull()).isTrue();
        assertThat(fixture.sessions.sessionOf("1")).isEmpty();
        fixture.fails("session.acquire", "{\"device\":\"9\"}", RpcError.DEVICE_GONE);
    }
}
