package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.MessageParts;
import dev.hwbridge.protocol.message.PartAssembler;
import dev.hwbridge.protocol.message.PartReceived;
import dev.hwbridge.protocol.message.Redaction;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.RequestPart;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.state.StateException;
import dev.hwbridge.simulator.state.StateStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's firmware: takes one {@link Request} at a time and answers it, sending interim
 * replies through an {@link Interim} and returning the final one. Every user interaction goes
 * through the {@link DeviceScreen}; the state at rest through the {@link StateStore}. One request
 * at a time: {@link #handle} is synchronized, and the transport calls it from one thread.
 *
 * <p>Behaviour (PROTOCOL.md §4–§6; the device's own choices are in package-info): GetFeatures,
 * Unlock and Wipe work while locked, everything else gets LOCKED; setup and recovery leave the
 * device unlocked; every request that reveals or spends something waits for a confirm on the
 * screen; a reject ends it with USER_REJECTED, the host's cancel with CANCELLED. Requests and
 * replies are logged by type only.
 */
public final class DeviceLogic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceLogic.class);

    private final DeviceScreen screen;
    private final DeviceContext context;
    private final Duration promptTimeout;
    private final PinGate pinGate;
    private final SetupFlow setup;
    private final RecoverFlow recover;
    private final DeriveFlow derive;
    private final DeriveManyFlow deriveMany;
    private final SignFlow sign;
    private final ExportFlow export;
    private final ImportFlow importFlow;
    private final WipeFlow wipe;
    private final SettingsFlow settings;
    /** A Request arriving in parts (PROTOCOL.md §5.1); any other request drops it. */
    private final PartAssembler parts = new PartAssembler();

    /**
     * @param promptTimeout how long a prompt waits for the user before the request ends with
     *                      TIMEOUT; null waits for ever (the host can still cancel)
     */
    public DeviceLogic(DeviceScreen screen, StateStore store, DeviceInfo info, DeviceInfoStore infoStore,
            SecureRandom random, Sleeper sleeper, Duration promptTimeout) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.context = new DeviceContext(store, infoStore, info);
        this.promptTimeout = promptTimeout;
        this.pinGate = new PinGate(context, Objects.requireNonNull(sleeper, "sleeper"));
        this.setup = new SetupFlow(context, Objects.requireNonNull(random, "random"));
        this.recover = new RecoverFlow(context);
        this.derive = new DeriveFlow(context);
        this.deriveMany = new DeriveManyFlow(context);
        this.sign = new SignFlow(context);
        this.export = new ExportFlow(context);
        this.importFlow = new ImportFlow(context);
        this.wipe = new WipeFlow(context);
        this.settings = new SettingsFlow(context);
    }

    /**
     * Reads the stored state (see {@code DeviceContext.boot}): the device starts empty, unlocked
     * without a PIN, or locked.
     *
     * @throws StateException CORRUPT or IO if the stored state cannot be used
     */
    public synchronized void boot() {
        context.boot();
        showIdle();
    }

    /**
     * Replaces whatever is stored with one identity holding {@code phrase}, sealed under
     * {@code pin}. With a PIN the device is then locked, as after power-up; without one (empty)
     * it has no PIN and is unlocked. For tests and demos ({@code --mnemonic-file}); the caller
     * clears {@code pin}.
     *
     * @throws dev.hwbridge.simulator.error.SignerException if the phrase is not a valid mnemonic
     * @throws IllegalArgumentException if a non-empty PIN breaks {@link PinRules}
     */
    public synchronized void preload(String phrase, char[] pin) {
        if (pin.length > 0 && !PinRules.isValid(pin)) {
            throw new IllegalArgumentException(PinRules.HINT);
        }
        byte[] entropy = Mnemonic.toEntropy(phrase);
        try {
            context.wipe();
            context.commit(new DeviceState(List.of(new Identity(IdentityNames.DEFAULT, new IdentitySecret.Seed(entropy)))),
                    pin);
            if (pin.length > 0) {
                context.close();
            }
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
        showIdle();
    }

    /** A fresh cancel signal for the next request. */
    public CancelSignal newCancelSignal() {
        return new CancelSignal(screen);
    }

    /**
     * Answers one request. Never throws: every failure becomes a final {@code Failure}. A request
     * whose {@code cancel} was signalled before it started ends with CANCELLED at once. A
     * {@code Request{cancel}} is not an operation (the transport turns it into a cancel signal) and
     * is refused here with INVALID_REQUEST.
     */
    public synchronized Response handle(Request request, Interim interim, CancelSignal cancel) {
        Response response;
        try {
            cancel.check();
            if (request.getBodyCase() != Request.BodyCase.REQUEST_PART) {
                parts.reset();
            }
            response = dispatch(request, new UserIo(screen, interim, cancel, promptTimeout));
        } catch (FlowFailure e) {
            response = e.toResponse();
        } catch (StateException e) {
            LOG.error("state store failed: {} ({})", e.code(), e.getMessage());
            response = Replies.failure(Failure.Code.FIRMWARE_ERROR, "the device could not use its storage");
        } catch (RuntimeException e) {
            // The message could quote input; the type is enough to find the bug.
            LOG.error("firmware error handling {}: {}", Redaction.describe(request), e.getClass().getName());
            response = Replies.failure(Failure.Code.FIRMWARE_ERROR, "internal error");
        } finally {
            showIdle();
        }
        LOG.info("{} -> {}", Redaction.describe(request), Redaction.describe(response));
        return response;
    }

    /** Locks the device and forgets the secrets held in memory; the stored state stays. */
    @Override
    public synchronized void close() {
        context.close();
    }

    /** What the device knows now; for tests of what it keeps in memory. */
    DeviceContext context() {
        return context;
    }

    private Response dispatch(Request request, UserIo io) {
        return switch (request.getBodyCase()) {
            case GET_FEATURES -> FeaturesReply.of(context);
            case UNLOCK -> pinGate.unlock(io);
            case WIPE -> wipe.run(io);
            case SETUP -> unlockedOrEmpty(() -> setup.run(request.getSetup(), io));
            case RECOVER -> unlockedOrEmpty(() -> recover.run(request.getRecover(), io));
            case DERIVE_PUBLIC_KEY -> derive.run(request.getDerivePublicKey(), io);
            case DERIVE_PUBLIC_KEYS -> deriveMany.run(request.getDerivePublicKeys(), io);
            case SIGN_PAYLOAD -> sign.run(request.getSignPayload(), io);
            case EXPORT_ENCRYPTED -> export.run(request.getExportEncrypted(), io);
            case IMPORT_ENCRYPTED -> importFlow.run(request.getImportEncrypted(), io);
            case REQUEST_PART -> part(request.getRequestPart(), io);
            case APPLY_SETTINGS -> settings.run(request.getApplySettings(), io);
            case CANCEL, BODY_NOT_SET -> throw new FlowFailure(Failure.Code.INVALID_REQUEST, "not an operation");
        };
    }

    /** Stores a part; the last one runs the whole Request. */
    private Response part(RequestPart part, UserIo io) {
        Optional<byte[]> whole;
        try {
            whole = parts.accept(part);
        } catch (MessageException e) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, e.getMessage());
        }
        if (whole.isEmpty()) {
            return Response.newBuilder()
                    .setPartReceived(PartReceived.newBuilder().setReceived(parts.received()))
                    .build();
        }
        Request request;
        try {
            request = MessageParts.parseAssembled(whole.get());
        } catch (MessageException e) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, e.getMessage());
        } finally {
            Arrays.fill(whole.get(), (byte) 0);
        }
        return dispatch(request, io);
    }

    /** Setup and recovery need an unlocked (or empty, hence unlocked) device. */
    private Response unlockedOrEmpty(java.util.function.Supplier<Response> flow) {
        context.state();
        return flow.get();
    }

    private void showIdle() {
        screen.show(IdleScreen.of(context));
    }
}
