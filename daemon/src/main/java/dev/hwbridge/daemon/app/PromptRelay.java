package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Progress;
import dev.hwbridge.protocol.message.Response;
import java.util.function.Consumer;

/**
 * Turns a device's interim replies into {@code device.prompt} notifications for the connection
 * that made the call: {@code {device, session, kind, title, lines, progress?}}. A Progress reply
 * comes just before the prompt of a counted step (word 3 of 24), so it is held and sent with that
 * prompt. Prompts carry public data only (the device never sends words, PINs or passwords).
 *
 * <p>Used by one call's thread only.
 */
final class PromptRelay implements Consumer<Response> {

    static final String NOTIFICATION = "device.prompt";

    private final RpcClient client;
    private final String deviceId;
    private final String sessionId;
    private Progress pending;

    PromptRelay(RpcClient client, String deviceId, String sessionId) {
        this.client = client;
        this.deviceId = deviceId;
        this.sessionId = sessionId;
    }

    @Override
    public void accept(Response reply) {
        switch (reply.getBodyCase()) {
            case PROGRESS -> pending = reply.getProgress();
            case BUTTON_REQUEST -> send("confirm", reply.getButtonRequest().getTitle(), reply.getButtonRequest());
            case INPUT_REQUEST -> send(kind(reply.getInputRequest().getKind()), reply.getInputRequest().getTitle(), null);
            default -> {
                // Final replies never come here; anything else has nothing to show.
            }
        }
    }

    private void send(String kind, String title, ButtonRequest button) {
        ObjectNode prompt = JsonNodeFactory.instance.objectNode();
        prompt.put("device", deviceId);
        prompt.put("session", sessionId);
        prompt.put("kind", kind);
        prompt.put("title", title);
        ArrayNode lines = prompt.putArray("lines");
        if (button != null) {
            button.getLinesList().forEach(lines::add);
        }
        if (pending != null) {
            ObjectNode progress = prompt.putObject("progress");
            progress.put("current", pending.getCurrent());
            progress.put("total", pending.getTotal());
            progress.put("text", pending.getText());
            pending = null;
        }
        client.notify(NOTIFICATION, prompt);
    }

    /** The prompt kinds of the device's screen ({@code GET /screen}'s input), new PINs included under "pin". */
    static String kind(InputRequest.Kind kind) {
        return switch (kind) {
            case PIN, NEW_PIN -> "pin";
            case WORD -> "word";
            case PASSWORD -> "password";
            case TEXT, UNSPECIFIED, UNRECOGNIZED -> "text";
        };
    }
}
