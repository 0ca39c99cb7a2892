/** The ECS cluster record, as stored and as ECS describes it. */
package dev.gantry.core.cluster;
