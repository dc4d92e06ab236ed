package dev.rpcadapter.secure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.stereotype.Component;

/** Commands with different permissions: see adapter.security.roles in application.yml. */
@Component
public class OpsCommands {

	@JsonRpcCommand(name = "whoami", description = "Who the server thinks you are: principal, roles, how you authenticated")
	public Map<String, Object> whoami(Caller caller) {
		return Map.of("principal", caller.principal(), "roles", List.copyOf(new TreeSet<>(caller.roles())),
				"attributes", caller.attributes());
	}

	@JsonRpcCommand(name = "word_count", description = "Count the words of a text")
	public int wordCount(@CommandParam(value = "text", description = "the text") String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

	@JsonRpcCommand(name = "rotate_keys", description = "Pretend to rotate the service's keys (admin only)")
	public Map<String, Object> rotateKeys(Caller caller) {
		return Map.of("rotated_by", caller.principal(), "at", Instant.now().toString());
	}
}
