package com.example.firstcontact;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.Max;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * A bean behind a class-based (CGLIB) proxy: Spring's method validation
 * proxies @Validated beans.
 */
@Component
@Validated
class ValidatedCommands {

	private final String unit;

	ValidatedCommands() {
		this.unit = "%";
	}

	@JsonRpcCommand(name = "percent", description = "A value with its unit")
	String percent(@CommandParam("value") @Max(100) int value) {
		// a call that ran on the proxy's own (empty) state would see unit == null
		return value + this.unit;
	}

}
