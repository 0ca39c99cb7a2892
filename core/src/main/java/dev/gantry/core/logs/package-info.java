/**
 * CloudWatch Logs filter patterns: {@link dev.gantry.core.logs.FilterPattern} parses the three syntaxes
 * (terms, JSON selectors, space-delimited fields) and matches messages; a {@code %regex%} term is CloudWatch Logs'
 * regex subset, parsed by {@link dev.gantry.core.logs.RegexParser} and matched in linear time by
 * {@link dev.gantry.core.logs.LogRegex}, so no pattern can backtrack. Pure and dependency-free: JSON messages are
 * read with a small reader of its own, since core has no JSON library.
 */
package dev.gantry.core.logs;
