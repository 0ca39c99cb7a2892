/**
 * The logic behind the task endpoint at 169.254.170.2 (Fargate's credentials and task metadata endpoints):
 * {@link dev.gantry.control.endpoint.EndpointIds} derives each container's metadata id and each task's credentials
 * id (unguessable: HMAC under a key kept in the data dir, so they survive a restart without being stored);
 * {@link dev.gantry.control.endpoint.LiveTasks} indexes the unfinished tasks by IP from the task feed, so the
 * endpoint's request path never reads the database; {@link dev.gantry.control.endpoint.TaskEndpoints} answers "who
 * is asking, and for what" (a request is honoured only from the IP of the task the id belongs to), hands out task
 * role credentials through a {@link dev.gantry.control.endpoint.RoleCredentialSource} (cached, renewed before
 * they expire) and a container's stats through the driver SPI, and gives containers their endpoint variables
 * ({@link dev.gantry.control.task.ContainerEnvironment}). The HTTP side is {@code api/taskmeta}.
 */
package dev.gantry.control.endpoint;
