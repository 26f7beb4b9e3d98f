package io.agentobs.claudecode.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The project key of a working directory, as the CLI names its directory under
 * {@code <CLAUDE_CONFIG_DIR>/projects}: every character other than an ASCII letter or digit
 * becomes {@code -}; a key longer than 200 characters is cut there and suffixed with
 * {@code -} and the base-36 djb2 hash of the path (the TypeScript SDK's rule).
 */
public final class ProjectKeys {

	private static final int MAX_LENGTH = 200;

	private ProjectKeys() {
	}

	/**
	 * The project key of a working directory.
	 * @param workingDirectory the absolute working directory
	 * @return its key
	 */
	public static String of(Path workingDirectory) {
		return of(workingDirectory.toAbsolutePath().normalize().toString());
	}

	/**
	 * The project key of the directory the CLI runs in: the real path of the working
	 * directory (its absolute path when it cannot be resolved).
	 * @param workingDirectory the working directory, {@code null} for the JVM's
	 * ({@code user.dir})
	 * @return its key
	 */
	public static String ofWorkingDirectory(Path workingDirectory) {
		Path directory = (workingDirectory != null) ? workingDirectory : Path.of(System.getProperty("user.dir"));
		try {
			return of(directory.toRealPath());
		}
		catch (IOException ex) {
			return of(directory);
		}
	}

	/**
	 * The project key of a path.
	 * @param path the path
	 * @return its key
	 */
	public static String of(String path) {
		String sanitized = path.replaceAll("[^a-zA-Z0-9]", "-");
		if (sanitized.length() <= MAX_LENGTH) {
			return sanitized;
		}
		return sanitized.substring(0, MAX_LENGTH) + "-" + Long.toString(Math.abs((long) djb2(path)), 36);
	}

	private static int djb2(String value) {
		int hash = 0;
		for (int i = 0; i < value.length(); i++) {
			hash = (hash << 5) - hash + value.charAt(i);
		}
		return hash;
	}

}
