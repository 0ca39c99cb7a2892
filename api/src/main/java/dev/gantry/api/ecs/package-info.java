/**
 * Amazon ECS ({@code AmazonEC2ContainerServiceV20141113}) over AWS JSON 1.1: {@link dev.gantry.api.ecs.EcsService}
 * is the operation table; one handler class per resource family (clusters, task definitions, tasks, tags) decodes a
 * request into core records, calls core validation, the stores and the task supervisor, and renders ECS's output
 * shapes ({@code TaskView}). Members Gantry does not implement are refused by name ({@code SupportedFields}), never
 * silently ignored. No decisions about a task's life are made here.
 */
package dev.gantry.api.ecs;
