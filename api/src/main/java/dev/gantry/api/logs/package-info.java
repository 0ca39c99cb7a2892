/**
 * Amazon CloudWatch Logs ({@code Logs_20140328}, signing name {@code logs}) over AWS JSON 1.1:
 * {@link dev.gantry.api.logs.LogsService} maps each operation's input to {@link dev.gantry.store.logs.LogStore} calls
 * and its records to AWS's output shapes. Model constraints are checked here and reported as CloudWatch Logs does,
 * as {@code InvalidParameterException} with the SDK's "1 validation error detected" wording.
 */
package dev.gantry.api.logs;
