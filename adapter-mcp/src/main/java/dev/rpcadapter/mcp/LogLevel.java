package dev.rpcadapter.mcp;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The syslog severities of MCP logging, least severe first. */
enum LogLevel {

	DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	static @Nullable LogLevel fromWire(@Nullable String name) {
		for (LogLevel level : values()) {
			if (level.wire().equals(name)) {
				return level;
			}
		}
		return null;
	}

}
