/**
 * Benchmarks run by {@code ./gantry bench}: each measures Gantry against a baseline taken in the same run (for
 * example a raw {@code docker run -d}) and prints ratios; figures and the commands that made them are in
 * docs/benchmarks.md. Nothing here is used by the server.
 */
package dev.gantry.bench;
