package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * The server's confirmations for several devices of one gateway in one message, QoS 1 on
 * {@code spinetrack/v1/{gateway}/stored} (PROTOCOL.md §7.7). The server sends them for batches
 * that came in a {@link SampleBundle}: a gateway that bundles reads them. Each confirmation
 * means what it means alone on its device's topic.
 *
 * @param v             payload version, 1
 * @param gateway       gateway id, as in the topic; every confirmation names it too
 * @param confirmations 1..{@value #MAX_CONFIRMATIONS} confirmations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredBundle(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                           @JsonProperty("confirmations") List<StoredConfirmation> confirmations) {

    /** Most confirmations in one message. */
    public static final int MAX_CONFIRMATIONS = 1000;

    @JsonCreator
    public StoredBundle {
        if (v != 1) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        Objects.requireNonNull(confirmations, "confirmations");
        if (confirmations.isEmpty() || confirmations.size() > MAX_CONFIRMATIONS) {
            throw new IllegalArgumentException("confirmations must hold 1.." + MAX_CONFIRMATIONS + ", held "
                    + confirmations.size());
        }
        confirmations = List.copyOf(confirmations);
        for (int i = 0; i < confirmations.size(); i++) {
            if (!gateway.equals(confirmations.get(i).gateway())) {
                throw new IllegalArgumentException("confirmations[" + i + "].gateway "
                        + confirmations.get(i).gateway() + " is not the bundle's gateway " + gateway);
            }
        }
    }

    /** A bundle of the given confirmations. */
    public static StoredBundle of(String gateway, List<StoredConfirmation> confirmations) {
        return new StoredBundle(1, gateway, confirmations);
    }
}
