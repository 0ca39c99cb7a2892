/**
 * CloudWatch Logs filter patterns: {@link dev.gantry.core.logs.FilterPattern} parses the three syntaxes
 * (terms, JSON selectors, space-delimited fields) and matches messages. Pure and dependency-free: JSON messages are
 * read with a small reader of its own, since core has no JSON library.
 */
package dev.gantry.core.logs;
