package dev.rpcadapter.mcp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorsTests {

	@Test
	void aCursorCarriesItsOffsetClampedToTheSize() {
		assertThat(Cursors.offset(Cursors.of(40), 100)).isEqualTo(40);
		assertThat(Cursors.offset(Cursors.of(400), 100)).isEqualTo(100);
		assertThat(Cursors.offset(null, 100)).isZero();
	}

	@Test
	void aCursorTheServerDidNotIssueIsInvalidParams() {
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> Cursors.offset("bogus!", 10))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-32602));
		assertThatExceptionOfType(McpException.class).isThrownBy(() -> Cursors.offset(Cursors.of(-1), 10));
	}

}
