/**
 * Gantry's command-line interface for people: {@code run}, {@code ps}, {@code logs}, {@code stop} and
 * {@code describe}, registered on the top-level {@code gantry} command through
 * {@link dev.gantry.cli.CliCommands#all()}.
 *
 * <p>The commands speak only the public APIs (ECS and CloudWatch Logs, through the AWS SDK), exactly like any other
 * client; this module depends on no other Gantry module. Decisions and wording live in pure classes that take SDK
 * model objects and return text ({@link dev.gantry.cli.StopExplainer}, {@link dev.gantry.cli.ProgressLine},
 * {@link dev.gantry.cli.Table}, {@link dev.gantry.cli.TaskIds}, {@link dev.gantry.cli.LogSources},
 * {@link dev.gantry.cli.Credentials}); the command classes make the calls and print.
 *
 * <p>Exit codes: 0 success; 1 the server said no, a task stopped, or a task was not found; 2 Gantry cannot be
 * reached or no credentials were found; 130 interrupted.
 */
package dev.gantry.cli;
