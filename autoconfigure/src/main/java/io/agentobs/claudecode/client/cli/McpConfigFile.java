package io.agentobs.claudecode.client.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.agentobs.claudecode.client.options.McpServerConfig;

/**
 * The {@code --mcp-config} file of one CLI process: MCP server environments and headers
 * often hold credentials, which must not show in the process list, so they go to a
 * temporary file only its owner can read, deleted when the process ends.
 */
final class McpConfigFile {

	private McpConfigFile() {
	}

	/**
	 * Writes the configuration.
	 * @param servers the servers by name
	 * @return the file, readable and writable by its owner only
	 */
	static Path write(Map<String, McpServerConfig> servers) {
		try {
			Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
					? Files.createTempFile("claude-code-mcp-", ".json",
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
					: ownerOnly(Files.createTempFile("claude-code-mcp-", ".json"));
			try {
				Files.writeString(file, CliOptionJson.mcpConfig(servers), StandardCharsets.UTF_8);
			}
			catch (IOException | RuntimeException ex) {
				delete(file);
				throw ex;
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the MCP server configuration for the Claude Code CLI", ex);
		}
	}

	private static Path ownerOnly(Path file) {
		File handle = file.toFile();
		handle.setReadable(false, false);
		handle.setWritable(false, false);
		handle.setReadable(true, true);
		handle.setWritable(true, true);
		return file;
	}

	/**
	 * Deletes the file, quietly.
	 * @param file the file, may be {@code null}
	 */
	static void delete(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Left in the temporary directory; nothing else to do
		}
	}

}
