package dev.rpcadapter.secure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.JobContext;
import org.springframework.stereotype.Component;

/** Commands with different permissions: see adapter.security.roles in application.yml. */
@Component
public class OpsCommands {

	@JsonRpcCommand(name = "whoami",
			description = "Who the server thinks you are: principal, roles, how you authenticated")
	public Map<String, Object> whoami(Caller caller) {
		return Map.of("principal", caller.principal(), "roles", List.copyOf(new TreeSet<>(caller.roles())),
				"attributes", caller.attributes());
	}

	@JsonRpcCommand(name = "word_count", description = "Count the words of a text")
	public int wordCount(@CommandParam(value = "text", description = "the text") String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

	@JsonRpcCommand(name = "audit_report",
			description = "Compile an audit report of the last `entries` events (queued, admin only)", queued = true,
			timeout = "1m")
	public Map<String, Object> auditReport(
			@CommandParam(value = "entries", description = "how many events", defaultValue = "100") int entries,
			JobContext job) {
		job.progress(50, "read " + entries + " events");
		return Map.of("entries", Math.max(0, entries), "at", Instant.now().toString());
	}

	@JsonRpcCommand(name = "rotate_keys", description = "Pretend to rotate the service's keys (admin only)")
	public Map<String, Object> rotateKeys(Caller caller) {
		return Map.of("rotated_by", caller.principal(), "at", Instant.now().toString());
	}

}
