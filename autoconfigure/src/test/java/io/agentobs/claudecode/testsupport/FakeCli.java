package io.agentobs.claudecode.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes bash scripts that stand in for the Claude Code CLI.
 */
public final class FakeCli {

	public static final String SESSION_ID = "fake-session-1";

	public static final String INIT = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"" + SESSION_ID
			+ "\",\"model\":\"claude-sonnet-4-5\"}";

	public static final String ASSISTANT = "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-5\","
			+ "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]},\"parent_tool_use_id\":null,\"session_id\":\""
			+ SESSION_ID + "\"}";

	public static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":1,"
			+ "\"result\":\"hi\",\"session_id\":\"" + SESSION_ID + "\"}";

	private FakeCli() {
	}

	/**
	 * Writes an executable bash script.
	 * @param directory where to write it
	 * @param body the script after the shebang
	 * @return the script
	 */
	public static Path script(Path directory, String body) throws IOException {
		Path script = Files.createTempFile(directory, "claude-", ".sh");
		Files.writeString(script, "#!/bin/bash\n" + body + "\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		return script;
	}

	/**
	 * A shell command printing a line.
	 * @param line the JSON line
	 * @return the command
	 */
	public static String print(String line) {
		return "echo '" + line + "'\n";
	}

}
