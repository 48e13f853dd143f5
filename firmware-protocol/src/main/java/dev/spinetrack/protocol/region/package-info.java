/**
 * The spinal region catalog: vertebral levels, segments, sides and the muscles that lie in
 * each region, and the mapping from a pressure cell's level and side to its region.
 */
package dev.spinetrack.protocol.region;
