/**
 * Internal: not API. Instrumentation of the {@code org.springaicommunity:claude-code-sdk}
 * clients ({@code ClaudeSyncClient}, {@code ClaudeAsyncClient}): their turns, their message
 * adapter and the watch of their CLI process. Every read of that SDK's internals is in
 * {@code SdkClientInternals}.
 */
package io.agentobs.claudecode.instrument.sdk;
