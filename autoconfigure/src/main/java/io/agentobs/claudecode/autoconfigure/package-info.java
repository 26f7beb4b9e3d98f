/**
 * Spring Boot auto-configuration: properties, conditions and the wiring of the other
 * packages. Boot types are used here only.
 */
package io.agentobs.claudecode.autoconfigure;
