/**
 * The gateway's command line: picocli options, a YAML config file and environment variables,
 * resolved in that order of precedence (flags over environment over file over defaults).
 */
package dev.spinetrack.gateway.cli;
