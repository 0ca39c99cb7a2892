/** ARNs in AWS's format for the configured region and account: built and parsed in one place. */
package dev.gantry.core.arn;
