package io.agentobs.claudecode.session.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.agentobs.claudecode.session.SessionEntry;
import io.agentobs.claudecode.session.SessionKey;
import io.agentobs.claudecode.session.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link io.agentobs.claudecode.session.ClaudeSessionStore} contract, run by
 * {@link JdbcClaudeSessionStore} on each database.
 */
abstract class JdbcClaudeSessionStoreContractTests {

	private static final String PROJECT = "-work-app";

	protected JdbcClaudeSessionStore store;

	protected DataSource dataSource;

	protected abstract DataSource createDataSource();

	protected String tableName() {
		return JdbcClaudeSessionStore.DEFAULT_TABLE_NAME;
	}

	@BeforeEach
	void createStore() {
		this.dataSource = createDataSource();
		new JdbcSessionStoreSchemaInitializer(this.dataSource, DatabaseInitializationMode.ALWAYS, tableName())
			.initializeDatabase();
		JdbcClient.create(this.dataSource).sql("DELETE FROM " + tableName()).update();
		this.store = new JdbcClaudeSessionStore(this.dataSource, tableName());
		this.store.verifyTable();
	}

	@Test
	void loadsTheEntriesOfAKeyInAppendOrderAsTheSameJson() {
		SessionKey key = SessionKey.main(PROJECT, UUID.randomUUID().toString());
		List<SessionEntry> first = List.of(entry("user", "{\"text\":\"Hi\",\"n\":[1,2,{\"x\":null}]}"),
				entry("assistant", "{\"text\":\"Hello\"}"));
		List<SessionEntry> second = List.of(entry("cost-state", "{\"usd\":0.25}"));
		this.store.append(key, first);
		this.store.append(key, second);

		List<SessionEntry> loaded = this.store.load(key).orElseThrow();
		assertThat(loaded).extracting(SessionEntry::uuid)
			.containsExactly(first.get(0).uuid(), first.get(1).uuid(), second.get(0).uuid());
		assertThat(loaded).extracting(SessionEntry::type).containsExactly("user", "assistant", "cost-state");
		assertThat(loaded.get(0).toJson()).isEqualTo(first.get(0).toJson());
		assertThat(loaded.get(2).toJson()).isEqualTo(second.get(0).toJson());
	}

	@Test
	void aKeyNeverWrittenLoadsEmpty() {
		assertThat(this.store.load(SessionKey.main(PROJECT, UUID.randomUUID().toString()))).isEmpty();
	}

	@Test
	void anEntryWhoseUuidTheKeyHoldsIsNotStoredTwiceButEntriesWithoutUuidAre() {
		SessionKey key = SessionKey.main(PROJECT, UUID.randomUUID().toString());
		List<SessionEntry> batch = List.of(entry("user", "{}"), entry("assistant", "{}"),
				SessionEntry.parse("{\"type\":\"custom-title\",\"customTitle\":\"Review\"}"));
		this.store.append(key, batch);
		this.store.append(key, batch);

		assertThat(this.store.load(key).orElseThrow()).extracting(SessionEntry::type)
			.containsExactly("user", "assistant", "custom-title", "custom-title");
	}

	@Test
	void theSameUuidInAnotherSessionIsItsOwnEntry() {
		SessionEntry shared = entry("user", "{}");
		SessionKey one = SessionKey.main(PROJECT, UUID.randomUUID().toString());
		SessionKey forked = SessionKey.main(PROJECT, UUID.randomUUID().toString());
		this.store.append(one, List.of(shared));
		this.store.append(forked, List.of(shared));

		assertThat(this.store.load(one).orElseThrow()).hasSize(1);
		assertThat(this.store.load(forked).orElseThrow()).hasSize(1);
	}

	@Test
	void subagentTranscriptsAreKeyedBySubpathAndGoWithTheSession() {
		String sessionId = UUID.randomUUID().toString();
		SessionKey main = SessionKey.main(PROJECT, sessionId);
		SessionKey agentA = new SessionKey(PROJECT, sessionId, "subagents/agent-a");
		SessionKey agentB = new SessionKey(PROJECT, sessionId, "subagents/agent-b");
		this.store.append(main, List.of(entry("user", "{}")));
		this.store.append(agentA, List.of(entry("user", "{}"), entry("assistant", "{}")));
		this.store.append(agentB, List.of(entry("user", "{}")));

		assertThat(this.store.load(main).orElseThrow()).hasSize(1);
		assertThat(this.store.load(agentA).orElseThrow()).hasSize(2);
		assertThat(this.store.listSubpaths(PROJECT, sessionId)).containsExactly("subagents/agent-a",
				"subagents/agent-b");

		this.store.delete(agentA);
		assertThat(this.store.load(agentA)).isEmpty();
		assertThat(this.store.load(agentB)).isPresent();
		this.store.delete(main);
		assertThat(this.store.load(main)).isEmpty();
		assertThat(this.store.load(agentB)).isEmpty();
	}

	@Test
	void listsTheSessionsOfAProjectNewestFirst() throws InterruptedException {
		String older = UUID.randomUUID().toString();
		String newer = UUID.randomUUID().toString();
		this.store.append(SessionKey.main(PROJECT, older), List.of(entry("user", "{}")));
		Thread.sleep(20);
		this.store.append(SessionKey.main(PROJECT, newer), List.of(entry("user", "{}")));
		this.store.append(SessionKey.main("-other", UUID.randomUUID().toString()), List.of(entry("user", "{}")));

		List<StoredSession> sessions = this.store.listSessions(PROJECT);
		assertThat(sessions).extracting(StoredSession::sessionId).containsExactly(newer, older);
		assertThat(sessions.get(0).lastModified()).isAfter(sessions.get(1).lastModified());
	}

	@Test
	void retentionDeletesTheSessionsWhoseLastEntryIsOlder() throws InterruptedException {
		String old = UUID.randomUUID().toString();
		this.store.append(SessionKey.main(PROJECT, old), List.of(entry("user", "{}")));
		Thread.sleep(50);
		Instant cutoff = this.store.listSessions(PROJECT).get(0).lastModified().plusMillis(1);
		Thread.sleep(50);
		String recent = UUID.randomUUID().toString();
		this.store.append(SessionKey.main(PROJECT, recent), List.of(entry("user", "{}")));

		assertThat(this.store.deleteSessionsOlderThan(cutoff)).isEqualTo(1);
		assertThat(this.store.listSessions(PROJECT)).extracting(StoredSession::sessionId).containsExactly(recent);
	}

	@Test
	void sixteenSessionsAtATimeWithRetriedBatchesLoseAndDuplicateNothing() throws Exception {
		int sessions = 16;
		int appendsPerSession = 1000 / sessions + 1;
		List<SessionKey> keys = new ArrayList<>();
		List<List<List<SessionEntry>>> batches = new ArrayList<>();
		for (int s = 0; s < sessions; s++) {
			keys.add(SessionKey.main(PROJECT, UUID.randomUUID().toString()));
			List<List<SessionEntry>> ofSession = new ArrayList<>();
			for (int a = 0; a < appendsPerSession; a++) {
				ofSession.add(List.of(entry("user", "{\"a\":" + a + "}"), entry("assistant", "{\"a\":" + a + "}")));
			}
			batches.add(ofSession);
		}
		ExecutorService executor = Executors.newFixedThreadPool(sessions);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int s = 0; s < sessions; s++) {
				SessionKey key = keys.get(s);
				List<List<SessionEntry>> ofSession = batches.get(s);
				futures.add(executor.submit(() -> {
					for (int a = 0; a < ofSession.size(); a++) {
						this.store.append(key, ofSession.get(a));
						if (a % 5 == 0) {
							// a retry of a batch that was stored
							this.store.append(key, ofSession.get(a));
						}
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		long rows = jdbc.sql("SELECT COUNT(*) FROM " + tableName()).query(Long.class).single();
		long distinct = jdbc.sql("SELECT COUNT(DISTINCT entry_uuid) FROM " + tableName()).query(Long.class).single();
		assertThat(rows).isEqualTo(sessions * appendsPerSession * 2L).isEqualTo(distinct);
		for (int s = 0; s < sessions; s++) {
			assertThat(this.store.load(keys.get(s)).orElseThrow()).extracting(SessionEntry::uuid)
				.containsExactlyElementsOf(batches.get(s).stream().flatMap(List::stream).map(SessionEntry::uuid).toList());
		}
	}

	private static SessionEntry entry(String type, String fields) {
		String body = fields.substring(1, fields.length() - 1);
		return SessionEntry.parse("{\"type\":\"" + type + "\",\"uuid\":\"" + UUID.randomUUID() + "\""
				+ (body.isEmpty() ? "" : "," + body) + "}");
	}

}
