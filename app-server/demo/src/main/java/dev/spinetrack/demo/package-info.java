/**
 * The one-command demo: the app server, the real gateway with simulated devices on a looping
 * scenario (publishing to the server's embedded broker), and a stand-in user who tags each
 * ball's region the way a person would, from the plan the scenario announces
 * ({@link dev.spinetrack.demo.AnnouncedPlan}), never from the simulator's ground truth.
 */
package dev.spinetrack.demo;
