/**
 * Gantry's command-line interface for people: {@code run}, {@code ps}, {@code logs}, {@code stop},
 * {@code describe}, {@code services}, {@code deploy} and {@code lb}, registered on the top-level {@code gantry}
 * command through {@link dev.gantry.cli.CliCommands#all()}.
 *
 * <p>The commands speak only the public APIs (ECS, CloudWatch Logs and ELBv2, through the AWS SDK), exactly like any
 * other client; this module depends on no other Gantry module. Decisions and wording live in pure classes that take
 * SDK model objects and return text ({@link dev.gantry.cli.StopExplainer}, {@link dev.gantry.cli.ProgressLine},
 * {@link dev.gantry.cli.Table}, {@link dev.gantry.cli.TaskIds}, {@link dev.gantry.cli.LogSources},
 * {@link dev.gantry.cli.Credentials}, {@link dev.gantry.cli.ServiceView}, {@link dev.gantry.cli.Rollout},
 * {@link dev.gantry.cli.TaskDefinitionCopy}, {@link dev.gantry.cli.LbView}, {@link dev.gantry.cli.LbRules}); the
 * command classes make the calls and print.
 *
 * <p>Exit codes: 0 success; 1 the server said no, a task stopped, a task or service was not found, or a deployment
 * failed, was rolled back or timed out; 2 Gantry cannot be reached, no credentials were found, or the command line
 * is wrong; 130 interrupted.
 */
package dev.gantry.cli;
