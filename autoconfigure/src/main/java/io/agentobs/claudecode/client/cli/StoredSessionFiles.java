package io.agentobs.claudecode.client.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.agentobs.claudecode.client.ClaudeCodeException;
import io.agentobs.claudecode.session.ClaudeSessionStore;
import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;

/**
 * The config directory of a CLI process that runs with a session store: created empty and
 * owner-only, holding the transcript of a stored session before the CLI resumes it
 * ({@code projects/<project key>/<session id>.jsonl}, its subagents' under
 * {@code projects/<project key>/<session id>/<subpath>.jsonl}), deleted when the process has
 * ended.
 */
final class StoredSessionFiles {

	private StoredSessionFiles() {
	}

	/**
	 * Creates an empty config directory.
	 * @return the directory
	 */
	static Path createConfigDirectory() {
		try {
			return Files.createTempDirectory("claude-code-config",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a config directory for the Claude Code CLI", ex);
		}
	}

	/**
	 * Writes a stored session into a config directory, where {@code --resume} finds it.
	 * @param store the store
	 * @param configDirectory the directory
	 * @param projectKey the project key of the working directory
	 * @param sessionId the session
	 * @return how many entries and bytes were written
	 * @throws ClaudeCodeException naming the session when the store does not have it
	 */
	static long[] materialize(ClaudeSessionStore store, Path configDirectory, String projectKey, String sessionId) {
		List<SessionEntry> main = store.load(SessionKey.main(projectKey, sessionId))
			.orElseThrow(() -> notStored(projectKey, sessionId));
		Path project = configDirectory.resolve("projects").resolve(projectKey);
		long[] counts = new long[2];
		write(project.resolve(sessionId + ".jsonl"), main, counts);
		for (String subpath : store.listSubpaths(projectKey, sessionId)) {
			Path file = project.resolve(sessionId).resolve(subpath + ".jsonl").normalize();
			if (!file.startsWith(project)) {
				continue;
			}
			store.load(new SessionKey(projectKey, sessionId, subpath)).ifPresent((entries) -> write(file, entries, counts));
		}
		return counts;
	}

	/**
	 * The failure of a resume whose session the store does not have.
	 * @param projectKey the project key of the working directory
	 * @param sessionId the session
	 * @return the exception, naming both
	 */
	static ClaudeCodeException notStored(String projectKey, String sessionId) {
		return new ClaudeCodeException(
				"The session store has no session '" + sessionId + "' (project key '" + projectKey + "') to resume");
	}

	private static void write(Path file, List<SessionEntry> entries, long[] counts) {
		try {
			Files.createDirectories(file.getParent());
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
				for (SessionEntry entry : entries) {
					byte[] line = entry.json().getBytes(StandardCharsets.UTF_8);
					out.write(line);
					out.write('\n');
					counts[0]++;
					counts[1] += line.length + 1;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the stored session to " + file, ex);
		}
	}

	/**
	 * Deletes a config directory and everything in it.
	 * @param configDirectory the directory
	 */
	static void delete(Path configDirectory) {
		try (Stream<Path> paths = Files.walk(configDirectory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// already gone
		}
	}

}
