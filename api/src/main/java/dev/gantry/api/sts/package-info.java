/**
 * AWS STS over the AWS Query protocol: GetCallerIdentity for Gantry's keys. Protocol-free like every service:
 * the Query codec ({@code api/query}, framed by {@code api/http}) decodes the form and renders the XML.
 */
package dev.gantry.api.sts;
