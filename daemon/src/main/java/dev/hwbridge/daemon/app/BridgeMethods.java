package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.chain.ChainStore;
import dev.hwbridge.daemon.chain.RuntimeCache;
import dev.hwbridge.daemon.device.ClientConnector;
import dev.hwbridge.daemon.device.DeviceManager;
import dev.hwbridge.daemon.ledger.LedgerAwareConnector;
import dev.hwbridge.daemon.loop.IoLoop;
import dev.hwbridge.daemon.origin.OriginApprovals;
import dev.hwbridge.daemon.origin.OriginStore;
import dev.hwbridge.daemon.origin.PageOriginGuard;
import dev.hwbridge.daemon.registry.AccountRegistry;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.SessionManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where the daemon's JSON-RPC methods are wired to their implementations (API.md
 * documents each): it starts the device manager over the configured buses, the sessions and the
 * account registry, and registers every method group.
 */
public final class BridgeMethods {

    /** Methods that talk to their session's device: they wait in its queue (see {@link QueuedOnDevice}). */
    static final Set<String> ON_SESSION_DEVICE = Set.of("device.features", "device.unlock", "device.setup",
            "device.recover", "device.wipe", "device.settings", "account.derive", "account.discover", "account.sign",
            "account.exportEncrypted", "account.importEncrypted", "backup.restore");
    /** Methods that talk to the device their {@code device} param names, without a session. */
    static final Set<String> ON_NAMED_DEVICE = Set.of("device.ping");
    /** Methods that read only memory, answered on the I/O loop ({@link OnIoLoop}), as bridge.info is. */
    static final Set<String> ON_IO_LOOP = Set.of("device.list");

    private BridgeMethods() {
    }

    /**
     * Registers every method, each behind the page-origin rules; resources they open go to
     * {@link DaemonContext#closeOnStop}. Devices do their I/O on {@code loop}, the server's.
     *
     * @return the origin approvals, which the server consults for extension origins
     */
    public static OriginApprovals registerAll(MethodRegistry registry, DaemonContext ctx, IoLoop loop) {
        DaemonConfig config = ctx.config();
        OriginApprovals approvals = new OriginApprovals(OriginStore.open(config.dataDir()), Clock.systemUTC());
        PageOriginGuard guard = new PageOriginGuard(approvals, System::nanoTime);
        registry.register("bridge.info", guard.wrap("bridge.info", new OnIoLoop((client, params) -> {
            Params.of(params, Set.of());
            return bridgeInfo(ctx);
        })));
        AccountRegistry accounts = AccountRegistry.open(config.dataDir());
        ChainStore chains = ChainStore.open(config.dataDir());
        DeviceManager devices = ctx.closeOnStop(DeviceManager.start(DaemonBuses.of(config, loop),
                new LedgerAwareConnector(new ClientConnector(loop.loop()))));
        ctx.deviceCounter(() -> devices.list().size());
        SessionManager sessions = new SessionManager(devices, new SecureRandom());
        SeedFingerprints fingerprints = new SeedFingerprints(sessions);
        Registrations registrations = new Registrations(accounts);
        Clock clock = Clock.systemUTC();
        List<MethodGroup> groups = List.of(
                new SessionMethods(sessions),
                new DeviceMethods(devices, sessions, new DeviceEvents(devices), fingerprints::forget),
                new AccountMethods(sessions, registrations, fingerprints, clock),
                new SignMethods(sessions, accounts, fingerprints, new RuntimeCache(chains)),
                new EncryptedJsonMethods(sessions, fingerprints),
                new BackupMethods(sessions, registrations, fingerprints, clock),
                new ChainMethods(chains, clock),
                new OriginMethods(approvals));
        for (MethodGroup group : groups) {
            for (Map.Entry<String, RpcMethod> method : group.methods().entrySet()) {
                registry.register(method.getKey(),
                        guard.wrap(method.getKey(), placed(method.getKey(), method.getValue(), sessions, devices)));
            }
        }
        return approvals;
    }

    /** Where the method starts: in its device's queue, on the I/O loop, or (the rest) on a worker. */
    private static RpcMethod placed(String name, RpcMethod method, SessionManager sessions, DeviceManager devices) {
        if (ON_IO_LOOP.contains(name)) {
            return new OnIoLoop(method);
        }
        if (ON_SESSION_DEVICE.contains(name)) {
            return new QueuedOnDevice(method, QueuedOnDevice.Target.SESSION, sessions, devices);
        }
        if (ON_NAMED_DEVICE.contains(name)) {
            return new QueuedOnDevice(method, QueuedOnDevice.Target.DEVICE, sessions, devices);
        }
        return method;
    }

    /** {@code bridge.info} → {@code {name, version, protocolVersion}}. */
    static ObjectNode bridgeInfo(DaemonContext ctx) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("name", "hwbridge");
        info.put("version", ctx.version());
        info.put("protocolVersion", DaemonVersion.PROTOCOL_VERSION);
        return info;
    }
}
