/** By-hand benchmarks (not tests): run with exec:java, see the README's gateway section. */
package dev.spinetrack.gateway.bench;
