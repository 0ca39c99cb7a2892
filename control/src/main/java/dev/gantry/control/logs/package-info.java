/**
 * The awslogs capture: {@link dev.gantry.control.logs.LogShipper} follows a container's output in the engine and
 * delivers it to {@link dev.gantry.control.logs.CapturedLogs} (Gantry's CloudWatch Logs store), into the group and
 * stream the container's {@code logConfiguration} names ({@link dev.gantry.control.logs.AwsLogsTarget}).
 */
package dev.gantry.control.logs;
