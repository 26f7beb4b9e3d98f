/**
 * What only Spring Boot 3.5 applications get, in the Boot 3.5 starter: the health indicators
 * on Boot 3.5's Actuator ({@code org.springframework.boot.actuate.health}), the counterparts
 * of the auto-configuration module's Boot 4 ones, with the same names, details and statuses
 * (the decisions are the line-neutral {@link io.agentobs.claudecode.actuate.McpServerHealth}
 * and {@link io.agentobs.claudecode.session.jdbc.JdbcSessionStoreHealth}). Not API.
 */
package io.agentobs.claudecode.boot3;
