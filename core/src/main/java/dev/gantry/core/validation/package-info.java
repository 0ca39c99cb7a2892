/**
 * Pure validation of what clients send: task definitions (RegisterTaskDefinition), resource names and tags.
 *
 * <p>Every rule throws an {@link dev.gantry.core.error.ApiException} carrying the exception type ECS uses for it
 * (mostly {@code ClientException}, {@code InvalidParameterException} for tags and names) and a message that
 * names the field, the offending value and what would be accepted, worded like ECS where ECS's wording is known.
 * The first broken rule wins, as in ECS.
 *
 * <p>Public entry points: {@link dev.gantry.core.validation.TaskDefinitionValidator},
 * {@link dev.gantry.core.validation.FargateSizes}, {@link dev.gantry.core.validation.Names} and
 * {@link dev.gantry.core.validation.TagValidator}. The package-private {@code *Rules} classes each own one concern
 * of a container definition. Nothing here does I/O, reads the clock or keeps state.
 */
package dev.gantry.core.validation;
