package dev.rpcadapter.queue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Maps {@link JobRecord}s to and from rows of the job table. */
final class JdbcRows {

	private final ObjectMapper mapper;

	JdbcRows(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	void bindInsert(PreparedStatement ps, JobRecord record) throws SQLException {
		ps.setString(1, record.jobId());
		ps.setString(2, record.command());
		ps.setString(3, json(record.params()));
		ps.setString(4, record.owner().principal());
		ps.setString(5, this.mapper.writeValueAsString(record.owner().roles()));
		ps.setString(6, record.status().wire());
		ps.setInt(7, record.progress());
		ps.setString(8, record.description());
		ps.setString(9, json(record.result()));
		ps.setString(10, (record.error() != null) ? json(JobJson.error(record.error())) : null);
		ps.setBoolean(11, record.stopRequested());
		setInstant(ps, 12, record.createdAt());
		setInstant(ps, 13, record.startedAt());
		setInstant(ps, 14, record.finishedAt());
		setInstant(ps, 15, record.updatedAt());
		ps.setString(16, record.node());
		ps.setString(17, attributes(record.owner()));
		ps.setString(18, record.traceParent());
	}

	/** Binds the mutable columns in update order; returns the next parameter index. */
	int bindUpdate(PreparedStatement ps, JobRecord record) throws SQLException {
		ps.setString(1, record.status().wire());
		ps.setInt(2, record.progress());
		ps.setString(3, record.description());
		ps.setString(4, json(record.result()));
		ps.setString(5, (record.error() != null) ? json(JobJson.error(record.error())) : null);
		setInstant(ps, 6, record.startedAt());
		setInstant(ps, 7, record.finishedAt());
		setInstant(ps, 8, record.updatedAt());
		ps.setString(9, record.node());
		return 10;
	}

	List<JobRecord> read(PreparedStatement ps) throws SQLException {
		List<JobRecord> records = new ArrayList<>();
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				records.add(row(rs));
			}
		}
		return records;
	}

	private JobRecord row(ResultSet rs) throws SQLException {
		Set<String> roles = new LinkedHashSet<>();
		this.mapper.readTree(rs.getString("roles")).forEach((role) -> roles.add(role.asString()));
		String error = rs.getString("error");
		JsonRpcError rpcError = (error != null) ? JobJson.parseError(this.mapper.readTree(error)) : null;
		return new JobRecord(rs.getString("job_id"), rs.getString("command"), tree(rs.getString("params")),
				new Caller(rs.getString("owner"), roles, attributes(rs.getString("caller_attributes"))),
				JobStatus.fromWire(rs.getString("status")), rs.getInt("progress"), rs.getString("description"),
				tree(rs.getString("result")), rpcError, rs.getBoolean("stop_requested"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"), instant(rs, "updated_at"),
				rs.getString("node_id"), rs.getString("trace_parent"));
	}

	/**
	 * The caller's attributes as a JSON object, so the command sees the same caller on
	 * whichever node runs the job, and after a restart. A value that has no JSON form (an
	 * attribute some custom authenticator set) is not kept.
	 */
	private @Nullable String attributes(Caller owner) {
		if (owner.attributes().isEmpty()) {
			return null;
		}
		ObjectNode attributes = this.mapper.createObjectNode();
		owner.attributes().forEach((name, value) -> {
			try {
				attributes.set(name, this.mapper.valueToTree(value));
			}
			catch (JacksonException ex) {
				// not representable as JSON: left out
			}
		});
		return attributes.isEmpty() ? null : this.mapper.writeValueAsString(attributes);
	}

	private Map<String, Object> attributes(@Nullable String json) {
		if (json == null) {
			return Map.of();
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> attribute : this.mapper.readTree(json).properties()) {
			Object value = this.mapper.treeToValue(attribute.getValue(), Object.class);
			if (value != null) {
				attributes.put(attribute.getKey(), value);
			}
		}
		return attributes;
	}

	private @Nullable String json(@Nullable JsonNode node) {
		return (node != null) ? this.mapper.writeValueAsString(node) : null;
	}

	private @Nullable JsonNode tree(@Nullable String text) {
		return (text != null) ? this.mapper.readTree(text) : null;
	}

	@SuppressWarnings("NullAway")
	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
		if (instant == null) {
			ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
	}

	/** A unit of JDBC work on a prepared statement. */
	@FunctionalInterface
	interface StatementCallback<T> {

		T apply(PreparedStatement ps) throws SQLException;

	}

}
