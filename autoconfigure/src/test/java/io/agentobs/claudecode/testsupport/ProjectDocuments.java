package io.agentobs.claudecode.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's documentation pages under {@code docs/}, for tests that keep them in step
 * with the code.
 */
public final class ProjectDocuments {

	private ProjectDocuments() {
	}

	/**
	 * A page of the project's {@code docs/} directory, found from any module directory.
	 * @param name the page's file name, such as {@code telemetry.md}
	 * @return the page's path
	 * @throws IllegalStateException when no {@code docs/} directory above the working
	 * directory has the page
	 */
	public static Path find(String name) {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path page = directory.resolve("docs").resolve(name);
			if (Files.isRegularFile(page)) {
				return page;
			}
		}
		throw new IllegalStateException("No docs/" + name + " above " + Path.of("").toAbsolutePath());
	}

}
