package io.agentobs.claudecode.session;

import java.util.List;
import java.util.UUID;

import io.agentobs.claudecode.session.jdbc.JdbcClaudeSessionStore;
import io.agentobs.claudecode.session.jdbc.JdbcSessionStoreSchemaInitializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClaudeSessions} on an H2 store.
 */
class ClaudeSessionsTests {

	private static final String PROJECT = "-srv-app";

	private ClaudeSessionStore store;

	private ClaudeSessions sessions;

	private final String sessionId = UUID.randomUUID().toString();

	@BeforeEach
	void store() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		new JdbcSessionStoreSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS).initializeDatabase();
		this.store = new JdbcClaudeSessionStore(dataSource, JdbcClaudeSessionStore.DEFAULT_TABLE_NAME);
		this.sessions = new ClaudeSessions(this.store, PROJECT);
		this.store.append(SessionKey.main(PROJECT, this.sessionId),
				List.of(entry("queue-operation"), entry("user"), entry("assistant"), entry("cost-state")));
	}

	private SessionEntry entry(String type) {
		return SessionEntry.parse("{\"type\":\"" + type + "\",\"uuid\":\"" + UUID.randomUUID() + "\",\"sessionId\":\""
				+ this.sessionId + "\"}");
	}

	@Test
	void listsAndReadsTheConversation() {
		assertThat(this.sessions.list()).extracting(StoredSession::sessionId).containsExactly(this.sessionId);
		assertThat(this.sessions.messages(this.sessionId)).extracting(SessionEntry::type)
			.containsExactly("user", "assistant");
	}

	@Test
	void renamingAndTaggingAppendTheEntriesTheCliReads() {
		this.sessions.rename(this.sessionId, " Code review ");
		this.sessions.tag(this.sessionId, "urgent");
		List<SessionEntry> entries = this.store.load(SessionKey.main(PROJECT, this.sessionId)).orElseThrow();
		assertThat(entries.get(4).toJson().path("customTitle").asText()).isEqualTo("Code review");
		assertThat(entries.get(5).toJson().path("tag").asText()).isEqualTo("urgent");
		assertThat(entries.get(5).toJson().path("sessionId").asText()).isEqualTo(this.sessionId);
	}

	@Test
	void aForkIsACopyUnderANewIdAndDeletingRemovesOnlyTheOne() {
		String fork = this.sessions.fork(this.sessionId);
		assertThat(fork).isNotEqualTo(this.sessionId);
		List<SessionEntry> copy = this.store.load(SessionKey.main(PROJECT, fork)).orElseThrow();
		assertThat(copy).hasSize(4).allSatisfy((entry) -> assertThat(entry.toJson().path("sessionId").asText()).isEqualTo(fork));
		this.sessions.delete(this.sessionId);
		assertThat(this.sessions.list()).extracting(StoredSession::sessionId).containsExactly(fork);
	}

	@Test
	void anUnknownSessionIsNamed() {
		String unknown = UUID.randomUUID().toString();
		assertThatIllegalArgumentException().isThrownBy(() -> this.sessions.messages(unknown))
			.withMessageContaining("no session '" + unknown + "'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.sessions.rename(this.sessionId, " "))
			.withMessageContaining("title must not be blank");
	}

}
