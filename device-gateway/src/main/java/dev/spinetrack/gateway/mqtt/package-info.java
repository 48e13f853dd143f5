/**
 * MQTT 5 out through Eclipse Paho: drains the durable queue in order with QoS 1, keeps
 * retained device info and status, and the gateway's LWT.
 */
package dev.spinetrack.gateway.mqtt;
