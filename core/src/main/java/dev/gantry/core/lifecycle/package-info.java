/** Pure lifecycle logic: container start order (dependsOn predicates) and task health. No I/O, no clocks. */
package dev.gantry.core.lifecycle;
