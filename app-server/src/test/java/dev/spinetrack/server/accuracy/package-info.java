/**
 * Accuracy through the whole pipeline: simulator scenarios played through the real gateway
 * (SET_TIME, {@code FrameConverter}, batching, durable queue) and a real broker over TCP into the
 * server, ball regions tagged over the HTTP API while the scenario runs, as a user would, and
 * the API's figures compared with an oracle written apart from {@code FocusRule}: the
 * simulator's ground-truth code ({@code SpecFocus} on raw counts) applied to the samples the
 * devices emitted and to the tags as given.
 */
package dev.spinetrack.server.accuracy;
