package dev.spinetrack.server.demo;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.broker.BrokerConnection;
import dev.spinetrack.server.guided.run.GuidedSessions;
import dev.spinetrack.server.security.Gateways;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.RegionSpan;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the gateway with simulated devices once the HTTP server is up, pointed at this
 * process's broker; and, standing in for the user, tags each ball's open session with the
 * region the scenario scripts (what the guided program or the user's tap does for real).
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
    private final Map<String, Long> lastTagged = new HashMap<>();
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
            for (DeviceTruth d : sim.get().groundTruth().devices()) {
                if (!"BALL".equals(d.kind()) || d.regionSpans().isEmpty() || !Topics.validDeviceId(d.device())) {
                    continue;
                }
                if (guided.get().guiding(d.device())) {
                    // A guided step owns the ball's region; the stand-in user must not fight it.
                    continue;
                }
                RegionSpan span = d.regionSpans().get(d.regionSpans().size() - 1);
                Optional<SessionRow> open = sessions.openSession(d.device());
                if (open.isEmpty()) {
                    continue;
                }
                long key = open.get().id() * 31 + span.fromMs() * 7 + span.region().ordinal();
                if (lastTagged.getOrDefault(d.device(), -1L) == key) {
                    continue;
                }
                lastTagged.put(d.device(), key);
                sessions.tagRegion(open.get().id(), span.region(), Math.max(span.fromMs(), open.get().startedAt()));
            }
        } catch (RuntimeException e) {
            LOG.debug("Demo tagger: {}", e.toString());
        }
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
