package dev.hwbridge.simulator.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.simulator.state.AtomicFiles;
import dev.hwbridge.simulator.state.StateError;
import dev.hwbridge.simulator.state.StateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the {@link DeviceInfo} (public: id and label): in memory, or as {@code device.json} in the
 * state directory, beside the encrypted state, so a locked device still knows its id and label.
 * The file is {@code {"version":1,"deviceId":"…","label":"…","blindSigning":true}}, 0600,
 * replaced atomically and durably as the state is ({@link AtomicFiles}); a file without
 * {@code blindSigning} (written before the setting existed) allows it.
 */
public abstract class DeviceInfoStore {

    /** The file's name inside the state directory. */
    public static final String FILE_NAME = "device.json";
    private static final int MAX_FILE_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceInfoStore() {
    }

    /** The stored info, or empty if none was saved yet. @throws StateException CORRUPT or IO */
    public abstract Optional<DeviceInfo> load();

    /** @throws StateException IO */
    public abstract void save(DeviceInfo info);

    /** A store that forgets on exit. */
    public static DeviceInfoStore inMemory() {
        return new DeviceInfoStore() {
            private DeviceInfo info;

            @Override
            public synchronized Optional<DeviceInfo> load() {
                return Optional.ofNullable(info);
            }

            @Override
            public synchronized void save(DeviceInfo newInfo) {
                info = Objects.requireNonNull(newInfo, "info");
            }
        };
    }

    /**
     * {@code dir/device.json}; {@code dir} must exist (the state store makes it, owner-only).
     * Temp files a crashed write left behind are deleted now.
     *
     * @throws StateException IO if they cannot be
     */
    public static DeviceInfoStore inDirectory(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        SecureRandom random = new SecureRandom();
        try {
            AtomicFiles.removeTemps(dir, FILE_NAME);
        } catch (IOException e) {
            throw new StateException(StateError.IO, "cannot tidy " + FILE_NAME + "'s temporary files", e);
        }
        return new DeviceInfoStore() {
            @Override
            public synchronized Optional<DeviceInfo> load() {
                try {
                    return AtomicFiles.read(file, MAX_FILE_BYTES).map(DeviceInfoStore::parse);
                } catch (IOException e) {
                    throw new StateException(StateError.IO, "cannot read " + FILE_NAME, e);
                }
            }

            @Override
            public synchronized void save(DeviceInfo info) {
                ObjectNode node = JSON.createObjectNode()
                        .put("version", 1).put("deviceId", info.deviceId()).put("label", info.label())
                        .put("blindSigning", info.blindSigning());
                try {
                    AtomicFiles.write(file, JSON.writeValueAsBytes(node), random);
                } catch (IOException e) {
                    throw new StateException(StateError.IO, "cannot write " + FILE_NAME, e);
                }
            }
        };
    }

    /** The stored info, or a fresh one (saved at once) for a device that has none yet. */
    public DeviceInfo loadOrCreate(String label, SecureRandom random) {
        return load().orElseGet(() -> {
            DeviceInfo fresh = DeviceInfo.fresh(label, random);
            save(fresh);
            return fresh;
        });
    }

    private static DeviceInfo parse(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject() || node.path("version").asInt() != 1
                    || !node.path("deviceId").isTextual() || !node.path("label").isTextual()
                    || node.has("blindSigning") && !node.get("blindSigning").isBoolean()) {
                throw new StateException(StateError.CORRUPT, FILE_NAME + " is not a device info file of version 1");
            }
            return new DeviceInfo(node.get("deviceId").asText(), node.get("label").asText(),
                    node.path("blindSigning").asBoolean(true));
        } catch (JsonProcessingException e) {
            throw new StateException(StateError.CORRUPT, FILE_NAME + " is not valid JSON");
        }
    }
}
