package dev.rpcadapter.core.internal;

import java.util.List;

import dev.rpcadapter.command.CommandDescriptor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed adapter's server-side waiting params, {@code poll_interval} and {@code max_wait_time}
 * (seconds), which its clients send among any command's params. They are taken out here, before
 * binding, so no command rejects them as unknown; this is the one place that sees them (a command
 * that declares a param of the same name keeps it).
 */
final class WaitParams {

	static final List<String> NAMES = List.of("poll_interval", "max_wait_time");

	private WaitParams() {
	}

	/** The params without the waiting params, or the same node when there are none to take out. */
	static @Nullable JsonNode strip(@Nullable JsonNode params, CommandDescriptor descriptor) {
		if (!(params instanceof ObjectNode object) || NAMES.stream().noneMatch(object::has)) {
			return params;
		}
		ObjectNode stripped = object.deepCopy();
		for (String name : NAMES) {
			if (descriptor.params().stream().noneMatch((p) -> p.name().equals(name))) {
				stripped.remove(name);
			}
		}
		return stripped;
	}
}
