package dev.spinetrack.demo;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.broker.BrokerConnection;
import dev.spinetrack.server.guided.run.GuidedSessions;
import dev.spinetrack.server.security.Gateways;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.simulator.scenario.DeviceScript;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the gateway with simulated devices once the HTTP server is up, pointed at this
 * process's broker; and, standing in for the user, tags each ball's open session with the
 * region its script announces ({@link AnnouncedPlan}: what the guided program or the user's
 * tap does for real). The simulator's ground truth is the tests' oracle and is never read here.
 */
@Singleton
@Requires(property = "spinetrack.demo.enabled", value = "true")
public class DemoGateway implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoGateway.class);

    private final DemoSettings settings;
    private final DemoAccount account;
    private final Gateways gateways;
    private final BrokerConnection broker;
    private final SessionService sessions;
    private final Provider<GuidedSessions> guided;
    private final Path dataDir;
    private final Map<String, String> lastTagged = new HashMap<>();
    private final Map<String, AnnouncedPlan> plans = new HashMap<>();
    private Gateway gateway;
    private ScheduledExecutorService tagger;

    public DemoGateway(DemoSettings settings, DemoAccount account, Gateways gateways, BrokerConnection broker, SessionService sessions,
                       Provider<GuidedSessions> guided,
                       @Value("${spinetrack.data-dir:./data}") String dataDir) {
        this.settings = settings;
        this.account = account;
        this.gateways = gateways;
        this.broker = broker;
        this.sessions = sessions;
        this.guided = guided;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (gateway != null) {
            return;
        }
        // The demo gateway is registered to the demo account like any other: its own MQTT
        // credentials (a new secret each start) and its devices owned by the demo user.
        String secret = gateways.rotate(account.user(), settings.gatewayId())
                .orElseGet(() -> gateways.register(account.user(), settings.gatewayId()));
        GatewayConfig config = GatewayConfig.defaults()
                .withGatewayId(settings.gatewayId())
                .withBroker(broker.address().url(), settings.gatewayId(), secret)
                .withQueueDir(dataDir.resolve("gateway-queue"))
                .withSimulation(settings.scenario(), 1, settings.speed(), true, "");
        gateway = Gateway.start(config);
        LOG.info("Demo: gateway {} streams the '{}' scenario in a loop at {}x to {}; open {}", settings.gatewayId(),
                settings.scenario(), settings.speed(), broker.address().url(),
                event.getSource().getURL());
        if (settings.tagBalls()) {
            tagger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-ball-tagger");
                t.setDaemon(true);
                return t;
            });
            tagger.scheduleWithFixedDelay(this::tagBalls, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void tagBalls() {
        try {
            Optional<Simulation> sim = gateway.simulation();
            if (sim.isEmpty()) {
                return;
            }
            if (plans.isEmpty()) {
                learnPlans(sim.get());
            }
            long elapsed = sim.get().elapsed().toMillis();
            for (Map.Entry<String, AnnouncedPlan> e : plans.entrySet()) {
                tag(e.getKey(), e.getValue().regionAt(elapsed));
            }
        } catch (RuntimeException e) {
            LOG.debug("Demo tagger: {}", e.toString());
        }
    }

    /** Each ball's device id (from its advertised address, as the protocol names devices) and script. */
    private void learnPlans(Simulation sim) {
        List<DeviceScript> scripts = sim.scenario().devices();
        List<VirtualPeripheral> peripherals = sim.peripherals();
        for (int i = 0; i < scripts.size() && i < peripherals.size(); i++) {
            DeviceScript script = scripts.get(i);
            String device = Topics.deviceIdOf(peripherals.get(i).advertisement().address());
            if (script.kind() == DeviceKind.BALL && Topics.validDeviceId(device)) {
                plans.put(device, new AnnouncedPlan(script.script(), sim.scenario().durationMs()));
            }
        }
    }

    private void tag(String device, Optional<Region> announced) {
        if (announced.isEmpty() || guided.get().guiding(device)) {
            // Between massage steps the ball is off the back; a guided step owns the region.
            return;
        }
        Optional<SessionRow> open = sessions.openSession(device);
        if (open.isEmpty()) {
            return;
        }
        String key = open.get().id() + ":" + announced.get();
        if (key.equals(lastTagged.get(device))) {
            return;
        }
        lastTagged.put(device, key);
        // "From now": just after the newest sample the server holds, as the dashboard's tap does.
        Long last = open.get().lastT();
        long at = last == null ? open.get().startedAt() : Math.max(last + 1, open.get().startedAt());
        sessions.tagRegion(open.get().id(), announced.get(), at);
        LOG.info("Demo: device {} session {} tagged {} (announced by the scenario)", device, open.get().id(),
                announced.get());
    }

    @PreDestroy
    public synchronized void stop() {
        if (tagger != null) {
            tagger.shutdownNow();
        }
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }
}
