package io.agentobs.claudecode.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The response of {@code GET /actuator/agentruns}.
 *
 * @param running the runs in progress, oldest first
 * @param recent the last finished runs, most recent first
 */
public record AgentRunsDescriptor(List<AgentRunDescriptor> running, List<AgentRunDescriptor> recent)
		implements OperationResponseBody {

}
