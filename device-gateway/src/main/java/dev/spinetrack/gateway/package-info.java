/**
 * The device gateway: BLE devices (real through TinyB, or the simulator's) in, durable MQTT 5
 * out. Embed it with {@link dev.spinetrack.gateway.Gateway#start(GatewayConfig)}; run it from
 * the command line with {@link dev.spinetrack.gateway.cli.GatewayCommand}.
 */
package dev.spinetrack.gateway;
