/**
 * The task endpoint's HTTP side, the address 169.254.170.2 as tasks see it: {@code EndpointServer} (Netty) and
 * {@code EndpointRoutes}, which turn a request and its source IP into Fargate's credentials and task metadata v4/v3
 * replies ({@code MetadataViews}: the JSON shapes). Who may ask for what, the credentials and the stats come from
 * {@link dev.gantry.control.endpoint.TaskEndpoints}; this package never talks to the engine.
 */
package dev.gantry.api.taskmeta;
