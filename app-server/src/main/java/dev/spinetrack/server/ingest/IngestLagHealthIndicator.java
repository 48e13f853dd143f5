package dev.spinetrack.server.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} detail {@code ingest}: whether the server keeps up with the data offered.
 * Being behind is reported, not DOWN: the server still works and catches up when the load
 * drops (nothing is dropped meanwhile; the backlog waits at the broker and the gateways).
 */
@Singleton
@Requires(beans = MqttIngest.class)
public class IngestLagHealthIndicator implements HealthIndicator {

    private final IngestLag lag;

    public IngestLagHealthIndicator(IngestLag lag) {
        this.lag = lag;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        long current = lag.currentLagMs();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("behind", current > lag.behindAfterMs());
        details.put("lagMs", current);
        details.put("behindAfterMs", lag.behindAfterMs());
        details.put("waitingMessages", lag.waitingMessages());
        details.put("storeLagP99Ms", Math.round(lag.storeLagMs(0.99)));
        return Publishers.just(HealthResult.builder("ingest", HealthStatus.UP).details(details).build());
    }
}
