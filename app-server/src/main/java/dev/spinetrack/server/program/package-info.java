/**
 * Guided programs as data: the three-step method (massage, mobilize, strengthen) and rack
 * decompression, bundled as YAML and extendable with the user's own YAML or JSON files.
 * {@link dev.spinetrack.server.program.ProgramParser} turns a document into a validated
 * {@link dev.spinetrack.server.program.Program} or a list of errors naming file, step and field;
 * {@link dev.spinetrack.server.program.ProgramCatalog} holds bundled and user programs.
 */
package dev.spinetrack.server.program;
