/**
 * Task definitions in ECS's wire shape (nullable members, ECS's names), because they are decoded straight from
 * RegisterTaskDefinition and rendered back by DescribeTaskDefinition; {@code *OrDefault} methods give ECS's
 * defaults. Closed value sets are enums whose constant names are the wire values
 * ({@link dev.gantry.core.taskdef.DependencyCondition}). See docs/adr/0006-wire-records-at-the-edge.md.
 */
package dev.gantry.core.taskdef;
