package dev.spinetrack.server.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import dev.spinetrack.server.storage.SampleStore;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;

/** {@code /health} reports the MQTT ingest's connection (DOWN while reconnecting). */
@Singleton
@Requires(beans = MqttIngest.class)
public class MqttHealthIndicator implements HealthIndicator {

    private final MqttIngest ingest;
    private final IngestCounters counters;
    private final SampleStore samples;

    public MqttHealthIndicator(MqttIngest ingest, IngestCounters counters, SampleStore samples) {
        this.ingest = ingest;
        this.counters = counters;
        this.samples = samples;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        String outage = ingest.storageOutage();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("storedSamples", counters.storedSamples());
        details.put("duplicateSamples", counters.duplicateSamples());
        details.put("rejectedMessages", counters.badMessages());
        details.put("conflictingSamples", samples.conflicts());
        if (outage != null) {
            details.put("storage", outage); // ingest holds back and retries until it is back
        }
        if (!ingest.connected()) {
            details.put("broker", "disconnected");
        }
        return Publishers.just(HealthResult.builder("mqtt", ingest.connected() && outage == null
                        ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }
}
