package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secrets the device keeps at rest: its identities, the default first. Immutable; a change
 * gives a new state sharing the unchanged identities. {@link #destroy()} zeroes every secret.
 */
final class DeviceState {

    /** How many identities one device holds. */
    static final int MAX_IDENTITIES = 16;

    private final List<Identity> identities;

    DeviceState(List<Identity> identities) {
        if (identities.size() > MAX_IDENTITIES) {
            throw new IllegalArgumentException("at most " + MAX_IDENTITIES + " identities");
        }
        this.identities = List.copyOf(identities);
    }

    static DeviceState empty() {
        return new DeviceState(List.of());
    }

    List<Identity> identities() {
        return identities;
    }

    boolean isEmpty() {
        return identities.isEmpty();
    }

    List<String> names() {
        return identities.stream().map(Identity::name).toList();
    }

    /** The identity a request names: "" is the first. */
    Optional<Identity> find(String name) {
        if (name.isEmpty()) {
            return identities.stream().findFirst();
        }
        return identities.stream().filter(identity -> identity.name().equals(name)).findFirst();
    }

    boolean hasName(String name) {
        return identities.stream().anyMatch(identity -> identity.name().equals(name));
    }

    /**
     * This state plus {@code identity}, last.
     *
     * @throws FlowFailure ALREADY_INITIALIZED for a name in use, INVALID_REQUEST when full
     */
    DeviceState with(Identity identity) {
        if (hasName(identity.name())) {
            throw new FlowFailure(Failure.Code.ALREADY_INITIALIZED, "an identity of that name exists");
        }
        if (identities.size() >= MAX_IDENTITIES) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST,
                    "the device holds at most " + MAX_IDENTITIES + " identities");
        }
        List<Identity> more = new ArrayList<>(identities);
        more.add(identity);
        return new DeviceState(more);
    }

    void destroy() {
        identities.forEach(identity -> identity.secret().destroy());
    }

    /** Zeroes the secrets of the identities {@code next} no longer holds (and with them what was derived from them). */
    void destroyDroppedBy(DeviceState next) {
        identities.stream().map(Identity::secret)
                .filter(secret -> next.identities.stream().noneMatch(kept -> kept.secret() == secret))
                .forEach(IdentitySecret::destroy);
    }

    @Override
    public String toString() {
        return "DeviceState[" + identities.size() + " identities]";
    }
}
