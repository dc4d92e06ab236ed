package dev.rpcadapter.command;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DefaultCommandRegistryTests {

	private final DefaultCommandRegistry registry = new DefaultCommandRegistry();

	private static Command command(String name, String source) {
		return new Command(CommandDescriptor.builder(name).source(source).build(),
				(params) -> (caller, job) -> Mono.just(name));
	}

	@Test
	void registeredCommandsAreFoundAndListedSortedByName() {
		this.registry.register(command("zeta", "a"));
		this.registry.register(command("alpha", "b"));
		this.registry.register(command("mid", "c"));
		assertThat(this.registry.find("alpha")).isPresent();
		assertThat(this.registry.find("nope")).isEmpty();
		assertThat(this.registry.all()).extracting(Command::name).containsExactly("alpha", "mid", "zeta");
	}

	@Test
	void duplicateNameFailsNamingBothSources() {
		this.registry.register(command("echo", "firstBean#echo"));
		assertThatExceptionOfType(DuplicateCommandException.class)
			.isThrownBy(() -> this.registry.register(command("echo", "secondBean#say")))
			.withMessageContaining("echo")
			.withMessageContaining("firstBean#echo")
			.withMessageContaining("secondBean#say")
			.satisfies((ex) -> {
				assertThat(ex.commandName()).isEqualTo("echo");
				assertThat(ex.existingSource()).isEqualTo("firstBean#echo");
				assertThat(ex.newSource()).isEqualTo("secondBean#say");
			});
		assertThat(this.registry.find("echo").get().descriptor().source()).isEqualTo("firstBean#echo");
	}

	@Test
	void reservedRpcPrefixIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.register(command("rpc.discover", "bean#x")))
			.withMessageContaining("rpc.")
			.withMessageContaining("bean#x");
		assertThat(this.registry.all()).isEmpty();
	}

	@Test
	void versionChangesOnRegisterAndUnregisterOnly() {
		long initial = this.registry.version();
		this.registry.register(command("a", "s"));
		long afterRegister = this.registry.version();
		assertThat(afterRegister).isGreaterThan(initial);
		assertThat(this.registry.unregister("missing")).isFalse();
		assertThat(this.registry.version()).isEqualTo(afterRegister);
		assertThat(this.registry.unregister("a")).isTrue();
		assertThat(this.registry.version()).isGreaterThan(afterRegister);
		assertThat(this.registry.all()).isEmpty();
	}

	@Test
	void blankNamesAreRejectedByTheDescriptor() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandDescriptor.builder(" ").build());
	}

}
