/**
 * Pure rule evaluation: ALB's wildcard patterns, CIDR blocks, conditions compiled into predicates over a request's
 * facts, and the ordered rule list of a listener ({@link dev.gantry.router.match.RuleSet}). No I/O, no Netty: the
 * proxy adapts a Netty request into {@link dev.gantry.router.match.RequestFacts}.
 */
package dev.gantry.router.match;
