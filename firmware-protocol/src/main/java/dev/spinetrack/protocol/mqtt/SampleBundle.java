package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * Sample batches of several devices of one gateway in one message, published QoS 1 on
 * {@code spinetrack/v1/{gateway}/samples} (PROTOCOL.md §7.7). Each batch means exactly what it
 * means alone on its device's topic; the bundle only saves the per-message cost of the broker,
 * the gateway and the server (at 200 racks, 10,000 messages a second become a few hundred). A
 * gateway sends bundles only to a server whose confirmations say it reads them.
 *
 * @param v       payload version, 1
 * @param gateway gateway id, as in the topic; every batch names it too
 * @param batches 1..{@value #MAX_BATCHES} sample batches, in the gateway's queue order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SampleBundle(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                           @JsonProperty("batches") List<SampleBatch> batches) {

    /** Most batches in one bundle. */
    public static final int MAX_BATCHES = 1000;

    @JsonCreator
    public SampleBundle {
        if (v != 1) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        Objects.requireNonNull(batches, "batches");
        if (batches.isEmpty() || batches.size() > MAX_BATCHES) {
            throw new IllegalArgumentException("batches must hold 1.." + MAX_BATCHES + ", held " + batches.size());
        }
        batches = List.copyOf(batches);
        for (int i = 0; i < batches.size(); i++) {
            if (!gateway.equals(batches.get(i).gateway())) {
                throw new IllegalArgumentException("batches[" + i + "].gateway " + batches.get(i).gateway()
                        + " is not the bundle's gateway " + gateway);
            }
        }
    }

    /** A bundle of the given batches. */
    public static SampleBundle of(String gateway, List<SampleBatch> batches) {
        return new SampleBundle(1, gateway, batches);
    }
}
