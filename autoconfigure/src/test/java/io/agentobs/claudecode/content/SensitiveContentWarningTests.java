package io.agentobs.claudecode.content;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class SensitiveContentWarningTests {

	@Test
	void warningIsLoggedOnlyTheFirstTime() {
		Logger logger = mock(Logger.class);
		SensitiveContentWarning warning = new SensitiveContentWarning(logger, "may contain sensitive data");
		warning.logOnce();
		warning.logOnce();
		warning.logOnce();
		verify(logger, times(1)).warn("may contain sensitive data");
	}

}
