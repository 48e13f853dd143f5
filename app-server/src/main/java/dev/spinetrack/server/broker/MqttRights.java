package dev.spinetrack.server.broker;

import java.util.List;

/**
 * What an authenticated MQTT client may do; everything else is denied.
 *
 * @param publish   topic filters it may publish to (and use as its will topic)
 * @param subscribe topic filters it may subscribe to (shared subscriptions included)
 */
public record MqttRights(List<String> publish, List<String> subscribe) {
    public MqttRights {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }
}
