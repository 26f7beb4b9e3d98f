/**
 * The {@link io.agentobs.claudecode.session.ClaudeSessionStore} on a relational database through
 * Spring's {@code JdbcClient}: PostgreSQL (entries as {@code jsonb}) and H2, one schema script
 * per database ({@code schema-<platform>.sql} beside this package's classes), created by Boot's
 * SQL initialization.
 */
package io.agentobs.claudecode.session.jdbc;
