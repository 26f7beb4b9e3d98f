/**
 * Internal: not API. Makes Micrometer safe to call from an agent run: observations whose end
 * cannot be lost to a failing user filter or handler, conventions that fall back per value,
 * children started inside their parent scope, failures logged once and swallowed. Every read
 * of Micrometer internals is in {@link io.agentobs.claudecode.micrometer.LibraryInternals}.
 */
package io.agentobs.claudecode.micrometer;
