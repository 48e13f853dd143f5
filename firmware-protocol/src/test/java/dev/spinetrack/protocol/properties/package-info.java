/**
 * jqwik properties of the codecs: encode/decode identity for arbitrary valid values, and
 * fuzzing with random and mutated bytes that must decode to a value or a typed error.
 */
package dev.spinetrack.protocol.properties;
