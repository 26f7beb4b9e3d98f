package io.agentobs.claudecode.client.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses the lines CLI 2.1.328 writes for permission denials, rate limits, tool progress,
 * compactions and the result's denials, in the shapes of the TypeScript Agent SDK 0.3.328's
 * {@code sdk.d.ts} ({@code SDKPermissionDeniedMessage}, {@code SDKRateLimitEvent},
 * {@code SDKToolProgressMessage}, {@code SDKCompactBoundaryMessage}, {@code SDKResultError}).
 */
class TypedMessageParserTests {

	static final String PERMISSION_DENIED = """
			{"type":"system","subtype":"permission_denied","tool_name":"Bash","tool_use_id":"toolu_0007",\
			"decision_reason_type":"rule","decision_reason":"Bash(rm:*) is denied by a rule in settings",\
			"message":"Permission to use Bash has been denied.",\
			"uuid":"1b3c6f0e-57a4-4a56-9d86-0c3d1f0b2a11","session_id":"s-1"}""";

	static final String RATE_LIMIT = """
			{"type":"rate_limit_event","rate_limit_info":{"status":"allowed_warning","resetsAt":1796860800,\
			"rateLimitType":"five_hour","utilization":0.82,"overageStatus":"allowed","isUsingOverage":false},\
			"uuid":"5a8d5cf2-7b4c-4bd2-8fd1-5d3e2a6c9b10","session_id":"s-1"}""";

	static final String TOOL_PROGRESS = """
			{"type":"tool_progress","tool_use_id":"toolu_0008","tool_name":"Bash","parent_tool_use_id":null,\
			"elapsed_time_seconds":12.5,"task_id":"b4k2x9","uuid":"0c2b8a0e-2f0e-4a4c-9a35-3bb0b5c6a7d8",\
			"session_id":"s-1"}""";

	static final String COMPACT_BOUNDARY = """
			{"type":"system","subtype":"compact_boundary","compact_metadata":{"trigger":"auto","pre_tokens":167012,\
			"post_tokens":9120,"duration_ms":8123},"uuid":"7e6f0d2c-0b3a-4c55-8a1e-4f7d9c2b1a00","session_id":"s-1"}""";

	static final String BUDGET_RESULT = """
			{"type":"result","subtype":"error_max_budget_usd","duration_ms":2311,"duration_api_ms":2007,\
			"is_error":true,"num_turns":2,"stop_reason":"tool_use","total_cost_usd":0.0123,\
			"usage":{"input_tokens":100,"output_tokens":20,"cache_read_input_tokens":0,"cache_creation_input_tokens":0},\
			"modelUsage":{"claude-sonnet-4-5":{"inputTokens":100,"outputTokens":20,"cacheReadInputTokens":0,\
			"cacheCreationInputTokens":0,"webSearchRequests":0,"costUSD":0.0123,"contextWindow":200000,\
			"maxOutputTokens":64000}},\
			"permission_denials":[{"tool_name":"Bash","tool_use_id":"toolu_0007","tool_input":{"command":"rm -rf x"}}],\
			"queued_turn_count":0,"errors":["Reached maximum budget ($0.01)"],"terminal_reason":"budget_exhausted",\
			"result_index":0,"uuid":"3f1f5d1e-9c1d-4e0a-b7a2-1e2f3a4b5c6d","session_id":"s-1"}""";

	private final ClaudeMessageParser parser = new ClaudeMessageParser();

	@Test
	void permissionDeniedIsATypedSystemView() {
		SystemMessage message = (SystemMessage) this.parser.parse(PERMISSION_DENIED);
		assertThat(message.permissionDenied()).hasValueSatisfying((denied) -> {
			assertThat(denied.toolName()).isEqualTo("Bash");
			assertThat(denied.toolUseId()).isEqualTo("toolu_0007");
			assertThat(denied.agentId()).isNull();
			assertThat(denied.decisionReasonType()).isEqualTo("rule");
			assertThat(denied.reason()).isEqualTo("Bash(rm:*) is denied by a rule in settings");
			assertThat(denied.message()).isEqualTo("Permission to use Bash has been denied.");
		});
		assertThat(message.compactBoundary()).isEmpty();
		assertThat(message.init()).isEmpty();
	}

	@Test
	void permissionDeniedWithoutADecisionReasonGivesTheModelsMessageAsReason() {
		SystemMessage message = (SystemMessage) this.parser.parse("""
				{"type":"system","subtype":"permission_denied","tool_name":"Write","tool_use_id":"t",\
				"agent_id":"a1","message":"Claude requested permissions to write to x.txt"}""");
		assertThat(message.permissionDenied()).hasValueSatisfying((denied) -> {
			assertThat(denied.agentId()).isEqualTo("a1");
			assertThat(denied.decisionReasonType()).isNull();
			assertThat(denied.reason()).isEqualTo("Claude requested permissions to write to x.txt");
		});
	}

	@Test
	void rateLimitEventIsItsOwnMessageType() {
		ClaudeMessage message = this.parser.parse(RATE_LIMIT);
		assertThat(message).isInstanceOfSatisfying(RateLimitEvent.class, (event) -> {
			assertThat(event.type()).isEqualTo("rate_limit_event");
			assertThat(event.sessionId()).isEqualTo("s-1");
			assertThat(event.info()).isEqualTo(new RateLimitEvent.RateLimitInfo("allowed_warning", "five_hour", 0.82,
					1796860800L, "allowed", false));
			assertThat(event.info().isRejected()).isFalse();
		});
	}

	@Test
	void rateLimitEventWithoutInfoReadsAsNulls() {
		RateLimitEvent event = (RateLimitEvent) this.parser.parse("{\"type\":\"rate_limit_event\"}");
		assertThat(event.info()).isEqualTo(new RateLimitEvent.RateLimitInfo(null, null, null, null, null, false));
	}

	@Test
	void toolProgressIsItsOwnMessageType() {
		ClaudeMessage message = this.parser.parse(TOOL_PROGRESS);
		assertThat(message).isEqualTo(new ToolProgressMessage("toolu_0008", "Bash", null, 12.5, "b4k2x9", "s-1",
				message.raw()));
		assertThat(message.type()).isEqualTo("tool_progress");
	}

	@Test
	void compactBoundaryIsATypedSystemView() {
		SystemMessage message = (SystemMessage) this.parser.parse(COMPACT_BOUNDARY);
		assertThat(message.compactBoundary()).contains(new SystemMessage.CompactBoundary("auto", 167012L, 9120L));
		assertThat(message.permissionDenied()).isEmpty();
	}

	@Test
	void budgetResultKeepsEveryField() {
		ResultMessage result = (ResultMessage) this.parser.parse(BUDGET_RESULT);
		assertThat(result.subtype()).isEqualTo("error_max_budget_usd");
		assertThat(result.isBudgetExhausted()).isTrue();
		assertThat(result.isError()).isTrue();
		assertThat(result.stopReason()).isEqualTo("tool_use");
		assertThat(result.terminalReason()).isEqualTo("budget_exhausted");
		assertThat(result.errors()).containsExactly("Reached maximum budget ($0.01)");
		assertThat(result.apiErrorStatus()).isNull();
		assertThat(result.modelUsage()).containsOnlyKeys("claude-sonnet-4-5");
		assertThat(result.modelUsage().get("claude-sonnet-4-5").costUsd()).isEqualTo(0.0123);
		assertThat(result.queuedTurnCount()).isZero();
		assertThat(result.resultIndex()).isZero();
		assertThat(result.startupFailureReason()).isNull();
		assertThat(result.denials()).singleElement().satisfies((denial) -> {
			assertThat(denial.toolName()).isEqualTo("Bash");
			assertThat(denial.toolUseId()).isEqualTo("toolu_0007");
			assertThat(denial.toolInput().get("command").asText()).isEqualTo("rm -rf x");
		});
		assertThat(result.raw().get("modelUsage").get("claude-sonnet-4-5").get("contextWindow").asInt())
			.isEqualTo(200000);
	}

	@Test
	void resultWithoutTheNewerFieldsReadsThemAsNull() {
		ResultMessage result = (ResultMessage) this.parser.parse("{\"type\":\"result\",\"subtype\":\"success\"}");
		assertThat(result.denials()).isEmpty();
		assertThat(result.queuedTurnCount()).isNull();
		assertThat(result.resultIndex()).isNull();
		assertThat(result.isBudgetExhausted()).isFalse();
	}

	@Test
	void typesStillUnknownStayUnknownMessagesWithTheirData() {
		ClaudeMessage message = this.parser
			.parse("{\"type\":\"tool_use_summary\",\"summary\":\"Ran 2 commands\",\"session_id\":\"s-1\"}");
		assertThat(message).isInstanceOfSatisfying(UnknownMessage.class, (unknown) -> {
			assertThat(unknown.type()).isEqualTo("tool_use_summary");
			assertThat(unknown.raw().get("summary").asText()).isEqualTo("Ran 2 commands");
		});
	}

}
