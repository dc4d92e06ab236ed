package dev.rpcadapter.autoconfigure.transfer;

import java.nio.file.Path;

import dev.rpcadapter.autoconfigure.AdapterAutoConfiguration;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.transfer.TransferSessions;
import dev.rpcadapter.transfer.TransferStore;
import dev.rpcadapter.transfer.Transfers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterTransferAutoConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AdapterAutoConfiguration.class, AdapterTransferAutoConfiguration.class));

	@Test
	void offByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(Transfers.class));
	}

	@Test
	void enabledGivesMemorySessionsADirectoryStoreAndTheCommands() {
		this.runner.withPropertyValues("adapter.transfers.enabled=true", "adapter.transfers.dir=" + this.dir)
			.run((context) -> {
				assertThat(context.getBean(TransferSessions.class).kind()).isEqualTo("memory");
				assertThat(context.getBean(TransferStore.class)
					.localFile("00000000-0000-0000-0000-000000000000")
					.getParent()).isEqualTo(this.dir);
				assertThat(context.getBean(CommandRegistry.class).find("transfer_upload_begin")).isPresent();
			});
	}

	@Test
	void userBeansWin() {
		TransferSessions sessions = TransferSessions.inMemory();
		this.runner.withPropertyValues("adapter.transfers.enabled=true", "adapter.transfers.dir=" + this.dir)
			.withBean(TransferSessions.class, () -> sessions)
			.run((context) -> assertThat(context.getBean(TransferSessions.class)).isSameAs(sessions));
	}

	@Test
	void jdbcWithoutADataSourceFailsWithAnAnalysis() {
		this.runner
			.withPropertyValues("adapter.transfers.enabled=true", "adapter.transfers.store=jdbc",
					"adapter.transfers.dir=" + this.dir)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (!(failure instanceof TransferStoreWithoutDataSourceException) && failure.getCause() != null) {
					failure = failure.getCause();
				}
				FailureAnalysis analysis = new TransferStoreWithoutDataSourceFailureAnalyzer().analyze(failure);
				assertThat(analysis.getAction()).contains("adapter.transfers.store=memory");
			});
	}

}
