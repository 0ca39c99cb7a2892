/** Resource tags as ECS spells them; their rules are in {@code core/validation/TagValidator}. */
package dev.gantry.core.tag;
