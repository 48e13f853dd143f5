/**
 * Scenarios as data: devices, their scripted steps and faults, loaded from the bundled
 * YAML files, user YAML/JSON files, or the synthetic load scenario; validated with errors that
 * name the field and index at fault.
 */
package dev.spinetrack.simulator.scenario;
