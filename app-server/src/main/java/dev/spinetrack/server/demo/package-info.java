/**
 * Demo mode ({@code --demo}): the real gateway with simulated devices on a looping scenario
 * inside the server process, publishing to the embedded broker, and a stand-in user who tags
 * the balls' regions as the scenario scripts them.
 */
package dev.spinetrack.server.demo;
